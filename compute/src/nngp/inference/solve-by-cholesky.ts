import { choleskyInPlace } from '../linalg/cholesky.ts';
import { CholeskyError } from '../linalg/cholesky-error.ts';
import { choleskySolve } from '../linalg/cholesky-solve.ts';
import { transpose } from '../linalg/transpose.ts';
import type { ShiftedSolves } from './shifted-solves.ts';

/**
 * The reference path: one dense Cholesky factorisation per shift, n³/3 flops each. `k` is n×n
 * row-major (lower triangle read), `y` n×C row-major.
 *
 * @example solveByCholesky(k, n, y, 10, [1e-3, 1e-2]).failedColumn // [null, null]
 */
export function solveByCholesky(
  k: Float64Array,
  n: number,
  y: Float64Array,
  numClasses: number,
  shifts: readonly number[],
): ShiftedSolves {
  const alphaT = new Float64Array(shifts.length * numClasses * n);
  const failedColumn: (number | null)[] = [];
  const work = new Float64Array(n * n);
  for (let i = 0; i < shifts.length; i++) {
    work.set(k);
    const shift = shifts[i] as number;
    for (let d = 0; d < n; d++) work[d * n + d] = (work[d * n + d] as number) + shift;
    try {
      choleskyInPlace(work, n);
    } catch (error) {
      if (!(error instanceof CholeskyError)) throw error;
      failedColumn.push(error.column);
      continue;
    }
    failedColumn.push(null);
    const alpha = choleskySolve(work, n, y, numClasses);
    alphaT.set(transpose(alpha, n, numClasses), i * numClasses * n);
  }
  return { alphaT, failedColumn };
}
