/**
 * The transpose of a rows×columns row-major matrix (columns×rows, row-major).
 *
 * @example transpose(new Float64Array([1, 2, 3, 4, 5, 6]), 2, 3) // [1, 4, 2, 5, 3, 6]
 */
export function transpose(m: Float64Array, rows: number, columns: number): Float64Array {
  const t = new Float64Array(m.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) t[j * rows + i] = m[i * columns + j] as number;
  return t;
}
