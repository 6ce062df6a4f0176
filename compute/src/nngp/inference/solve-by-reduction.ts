import { bandCholesky, bandCholeskySolve } from '../linalg/band-cholesky.ts';
import { applyReduction, DEFAULT_BANDWIDTH, reduceToBand } from '../linalg/band-reduction.ts';
import { CholeskyError } from '../linalg/cholesky-error.ts';
import { transpose } from '../linalg/transpose.ts';
import type { ShiftedSolves } from './shifted-solves.ts';

/**
 * The fast path: one orthogonal reduction K = Q·B·Qᵀ to band form (≈ 4n³/3 flops), then per
 * shift a band Cholesky of B + sI (n·bandwidth²/2) and a band solve against QᵀY, and finally
 * one application of Q to all solutions at once (2n²·C per shift). B + sI is similar to K + sI,
 * so it is positive definite exactly when K + sI is: a failed band factorisation means what a
 * failed dense one means, up to rounding.
 *
 * @example solveByReduction(k, n, y, 10, [1e-3, 1e-2]).failedColumn // [null, null]
 */
export function solveByReduction(
  k: Float64Array,
  n: number,
  y: Float64Array,
  numClasses: number,
  shifts: readonly number[],
  bandwidth = DEFAULT_BANDWIDTH,
): ShiftedSolves {
  const reduction = reduceToBand(k, n, Math.min(bandwidth, Math.max(1, n - 1)));
  const qty = transpose(y, n, numClasses);
  applyReduction(reduction, qty, numClasses, true);
  const alphaT = new Float64Array(shifts.length * numClasses * n);
  const failedColumn: (number | null)[] = [];
  for (let i = 0; i < shifts.length; i++) {
    let factor: Float64Array;
    try {
      factor = bandCholesky(reduction.band, n, reduction.bandwidth, shifts[i] as number);
    } catch (error) {
      if (!(error instanceof CholeskyError)) throw error;
      failedColumn.push(error.column);
      continue;
    }
    failedColumn.push(null);
    const z = alphaT.subarray(i * numClasses * n, (i + 1) * numClasses * n);
    z.set(qty);
    bandCholeskySolve(factor, n, reduction.bandwidth, z, numClasses);
  }
  // Q·0 = 0, so rows of failed shifts stay zero.
  applyReduction(reduction, alphaT, shifts.length * numClasses, false);
  return { alphaT, failedColumn };
}
