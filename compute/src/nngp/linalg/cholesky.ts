import { checkShape } from './checks.ts';
import { CholeskyError } from './cholesky-error.ts';
import { dot } from './dot.ts';
import { multiplyTransposed } from './multiply.ts';
import { multiplyBackend } from './multiply-backend.ts';
import { allocateUninitialised, releaseResident, residentAddress } from './wasm-heap.ts';

/**
 * Columns per block. The trailing update (a rank-`BLOCK` product) is where the time goes, and
 * its kernel runs fastest with depth 64–128; the unblocked panel work grows with the block.
 */
export const CHOLESKY_BLOCK = 64;

/**
 * Lower Cholesky factor L (A = L·Lᵀ) of a symmetric positive definite n×n row-major matrix.
 * Only the lower triangle of `a` is read; `a` is not modified. The strict upper triangle of the
 * result is zero.
 *
 * @throws CholeskyError naming the first column whose pivot is not positive (the matrix is not
 *   numerically positive definite); no NaNs are ever returned for such input.
 * @example cholesky(new Float64Array([4, 2, 2, 5]), 2) // Float64Array [2, 0, 1, 2]
 */
export function cholesky(a: Float64Array, n: number, block = CHOLESKY_BLOCK): Float64Array {
  checkShape('cholesky: a', a, n, n);
  const l = new Float64Array(a);
  choleskyInPlace(l, n, block);
  return l;
}

/**
 * As {@link cholesky}, overwriting `a` with L: the per-shift loop reuses one buffer instead of
 * allocating n² doubles per grid value.
 *
 * @example choleskyInPlace(work, n) // work now holds L
 */
export function choleskyInPlace(a: Float64Array, n: number, block = CHOLESKY_BLOCK): void {
  checkShape('choleskyInPlace: a', a, n, n);
  if (!Number.isInteger(block) || block < 1)
    throw new RangeError(`cholesky: block must be a positive integer, got ${block}`);
  // With the wasm kernel, factor a copy in wasm memory: the trailing updates then run in place
  // instead of staging the trailing matrix in and out of wasm memory at every block.
  if (multiplyBackend() === 'wasm' && residentAddress(a, 0) === undefined && n > block) {
    const w = allocateUninitialised(n * n);
    try {
      w.set(a);
      factorInPlace(w, n, block);
    } finally {
      a.set(w);
      releaseResident(w);
    }
    return;
  }
  factorInPlace(a, n, block);
}

/** {@link choleskyInPlace} after its checks. */
function factorInPlace(a: Float64Array, n: number, block: number): void {
  // Right-looking: factor a diagonal block, solve the panel below it, then subtract the panel's
  // rank-b product from the trailing lower triangle in one cache-blocked kernel call.
  for (let k = 0; k < n; k += block) {
    const b = Math.min(block, n - k);
    factorDiagonalBlock(a, n, k, b);
    solvePanel(a, n, k, b);
    const rest = n - k - b;
    if (rest > 0) {
      const panel = { data: a, offset: (k + b) * n + k, stride: n };
      const trailing = { data: a, offset: (k + b) * n + k + b, stride: n };
      multiplyTransposed(-1, panel, panel, trailing, rest, rest, b, true);
    }
  }
  for (let i = 0; i < n; i++) a.fill(0, i * n + i + 1, (i + 1) * n);
}

/** Unblocked, row by row (Cholesky–Banachiewicz): every inner product runs along rows. */
function factorDiagonalBlock(a: Float64Array, n: number, k: number, b: number): void {
  for (let i = k; i < k + b; i++) {
    const rowI = i * n;
    for (let j = k; j <= i; j++) {
      const rowJ = j * n;
      const s = (a[rowI + j] as number) - dot(a, rowI + k, a, rowJ + k, j - k);
      if (j < i) {
        a[rowI + j] = s / (a[rowJ + j] as number);
      } else {
        // `!(s > 0)` also catches NaN, so a bad pivot never propagates into the factor.
        if (!(s > 0)) throw new CholeskyError(i, s);
        a[rowI + i] = Math.sqrt(s);
      }
    }
  }
}

/** Rows below the diagonal block: L21 = A21·L11⁻ᵀ, a forward substitution along each row. */
function solvePanel(a: Float64Array, n: number, k: number, b: number): void {
  for (let i = k + b; i < n; i++) {
    const rowI = i * n;
    for (let j = k; j < k + b; j++) {
      const rowJ = j * n;
      a[rowI + j] =
        ((a[rowI + j] as number) - dot(a, rowI + k, a, rowJ + k, j - k)) / (a[rowJ + j] as number);
    }
  }
}
