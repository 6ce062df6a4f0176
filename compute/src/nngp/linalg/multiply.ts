import { multiplyBackend } from './multiply-backend.ts';
import { multiplyTransposedJs } from './multiply-js.ts';
import { multiplyTransposedWasm } from './multiply-wasm.ts';
import type { Strided } from './strided.ts';

/**
 * Below this many multiply-adds the wasm path's fixed costs (packing a block of Q, the call)
 * outweigh its faster inner loop; the blocked products of the factorisations run far above it.
 */
const WASM_MIN_WORK = 4096;

/**
 * C += alpha · P·Qᵀ, where P is rows×depth, Q is columns×depth and C is rows×columns, all
 * row-major windows. Both operands are read along their rows (the depth), the contiguous
 * direction in row-major storage. With `lower`, only entries with column ≤ row (in C's own
 * coordinates) are touched: the symmetric rank-k updates of Cholesky and the band reduction
 * need just that half. C must not overlap P or Q.
 *
 * Runs the kernel chosen by {@link setMultiplyBackend} (default: wasm SIMD) for all but tiny
 * products.
 *
 * @example
 * // C (2×2) += A·Aᵀ for A = [[1, 2], [3, 4]]
 * const a = new Float64Array([1, 2, 3, 4]);
 * const c = new Float64Array(4);
 * multiplyTransposed(1, { data: a, offset: 0, stride: 2 }, { data: a, offset: 0, stride: 2 },
 *   { data: c, offset: 0, stride: 2 }, 2, 2, 2); // c = [5, 11, 11, 25]
 */
export function multiplyTransposed(
  alpha: number,
  p: Strided,
  q: Strided,
  c: Strided,
  rows: number,
  columns: number,
  depth: number,
  lower = false,
): void {
  const work = rows * columns * depth;
  if (multiplyBackend() === 'wasm' && work >= WASM_MIN_WORK)
    multiplyTransposedWasm(alpha, p, q, c, rows, columns, depth, lower);
  else multiplyTransposedJs(alpha, p, q, c, rows, columns, depth, lower);
}
