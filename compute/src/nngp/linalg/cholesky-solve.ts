import { checkShape } from './checks.ts';
import { dot } from './dot.ts';
import { transpose } from './transpose.ts';

/**
 * Solves L·Lᵀ·X = B for X, given the lower Cholesky factor `l` (n×n, row-major; only its lower
 * triangle is read) and `columns` right-hand sides in `b` (n×columns, row-major). Returns X in
 * the same layout as `b`; `b` is not modified.
 *
 * @example
 * const l = cholesky(new Float64Array([4, 2, 2, 5]), 2);
 * choleskySolve(l, 2, new Float64Array([6, 7]), 1) // Float64Array [1, 1]
 */
export function choleskySolve(
  l: Float64Array,
  n: number,
  b: Float64Array,
  columns: number,
): Float64Array {
  checkShape('choleskySolve: l', l, n, n);
  checkShape('choleskySolve: b', b, n, columns);
  // Right-hand sides are made contiguous (transposed) so both sweeps run along rows of L: the
  // forward sweep as dot products, the backward sweep (which needs Lᵀ) as axpy updates with
  // the same rows. Each row of L is used for every right-hand side while it is in cache.
  const x = transpose(b, n, columns);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const pivot = l[row + i] as number;
    for (let c = 0; c < columns; c++) {
      const base = c * n;
      x[base + i] = ((x[base + i] as number) - dot(l, row, x, base, i)) / pivot;
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    const row = j * n;
    const pivot = l[row + j] as number;
    for (let c = 0; c < columns; c++) {
      const base = c * n;
      const xj = (x[base + j] as number) / pivot;
      x[base + j] = xj;
      for (let i = 0; i < j; i++)
        x[base + i] = (x[base + i] as number) - (l[row + i] as number) * xj;
    }
  }
  return transpose(x, columns, n);
}
