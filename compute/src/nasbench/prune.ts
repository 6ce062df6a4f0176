import type { Matrix } from './matrix.ts';

/**
 * Vertices that lie on some path from the input (vertex 0) to the output (last vertex), or null
 * when the output cannot be reached from the input.
 */
export function verticesOnInputOutputPaths(matrix: Matrix): number[] | null {
  const n = matrix.length;
  const fromInput = new Array<boolean>(n).fill(false);
  const toOutput = new Array<boolean>(n).fill(false);
  fromInput[0] = true;
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) if (fromInput[i] && matrix[i]?.[j]) fromInput[j] = true;
  }
  toOutput[n - 1] = true;
  for (let i = n - 2; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) if (toOutput[j] && matrix[i]?.[j]) toOutput[i] = true;
  }
  if (!fromInput[n - 1]) return null;
  const kept: number[] = [];
  for (let v = 0; v < n; v++) if (fromInput[v] && toOutput[v]) kept.push(v);
  return kept;
}

/** The sub-matrix on `kept` vertices, in their order. */
export function subMatrix(matrix: Matrix, kept: readonly number[]): Matrix {
  return kept.map((i) => kept.map((j) => matrix[i]?.[j] ?? 0));
}
