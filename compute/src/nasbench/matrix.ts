/** A cell's adjacency: `matrix[i][j] === 1` means an edge from vertex i to vertex j (i < j). */
export type Matrix = number[][];

/** Row-major '0'/'1' text, the form NAS-Bench-101 records store, e.g. `matrixToText([[0,1],[0,0]])` is `'0100'`. */
export function matrixToText(matrix: Matrix): string {
  return matrix.map((row) => row.join('')).join('');
}

/** Inverse of {@link matrixToText}; the length must be a perfect square. */
export function matrixFromText(text: string): Matrix {
  const v = Math.round(Math.sqrt(text.length));
  if (v * v !== text.length)
    throw new RangeError(`matrix text of length ${text.length} is not square`);
  return Array.from({ length: v }, (_, i) =>
    Array.from({ length: v }, (_, j) => (text[i * v + j] === '1' ? 1 : 0)),
  );
}

export function edgeCount(matrix: Matrix): number {
  let n = 0;
  for (const row of matrix) for (const x of row) n += x;
  return n;
}

/** Bit pattern of an upper-triangular matrix in NAS-Bench-101's order: edge x→y is bit x + y(y-1)/2. */
export function matrixBits(matrix: Matrix): number {
  let bits = 0;
  for (let y = 1; y < matrix.length; y++) {
    for (let x = 0; x < y; x++) {
      if (matrix[x]?.[y]) bits += 2 ** (x + (y * (y - 1)) / 2);
    }
  }
  return bits;
}

/** Inverse of {@link matrixBits} for `vertices` vertices. */
export function matrixFromBits(bits: number, vertices: number): Matrix {
  const m: Matrix = Array.from({ length: vertices }, () => new Array<number>(vertices).fill(0));
  for (let y = 1; y < vertices; y++) {
    for (let x = 0; x < y; x++) {
      if (Math.floor(bits / 2 ** (x + (y * (y - 1)) / 2)) % 2 === 1) (m[x] as number[])[y] = 1;
    }
  }
  return m;
}
