import { dot } from './dot.ts';
import type { Strided } from './strided.ts';

/** Depth chunk: four rows of P of this length stay in L1 while a block of Q streams past. */
const DEPTH_BLOCK = 256;
/** Rows of Q per block: 128 × 256 doubles = 256 KiB, which stays in L2 across all of P. */
const COLUMN_BLOCK = 128;

/**
 * The plain TypeScript kernel behind {@link multiplyTransposed} (see there for the contract):
 * C += alpha · P·Qᵀ, where P is rows×depth, Q is columns×depth and C is rows×columns, all
 * row-major windows. Both operands are read along their rows (the depth), which is the only
 * contiguous direction in row-major storage, so every inner loop is a unit-stride dot product.
 * With `lower`, only entries with column ≤ row (in C's own coordinates) are touched: the
 * symmetric rank-k updates of Cholesky and the band reduction need just that half.
 *
 * @example
 * // C (2×2) += A·Aᵀ for A = [[1, 2], [3, 4]]
 * const a = new Float64Array([1, 2, 3, 4]);
 * const c = new Float64Array(4);
 * multiplyTransposedJs(1, { data: a, offset: 0, stride: 2 }, { data: a, offset: 0, stride: 2 },
 *   { data: c, offset: 0, stride: 2 }, 2, 2, 2); // c = [5, 11, 11, 25]
 */
export function multiplyTransposedJs(
  alpha: number,
  p: Strided,
  q: Strided,
  c: Strided,
  rows: number,
  columns: number,
  depth: number,
  lower = false,
): void {
  for (let k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
    const kLength = Math.min(DEPTH_BLOCK, depth - k0);
    for (let j0 = 0; j0 < columns; j0 += COLUMN_BLOCK) {
      const jEnd = Math.min(columns, j0 + COLUMN_BLOCK);
      // In lower mode, rows above the block's first column have nothing to update.
      const iStart = lower ? j0 : 0;
      block(alpha, p, q, c, iStart, rows, j0, jEnd, k0, kLength, lower);
    }
  }
}

/** Rows [i0, i1) × columns [j0, j1) of C, depth [k0, k0 + kLength). */
function block(
  alpha: number,
  p: Strided,
  q: Strided,
  c: Strided,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  k0: number,
  kLength: number,
  lower: boolean,
): void {
  const P = p.data;
  const Q = q.data;
  const C = c.data;
  const ldp = p.stride;
  const ldq = q.stride;
  const ldc = c.stride;
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    const p0 = p.offset + i * ldp + k0;
    const p1 = p0 + ldp;
    const p2 = p1 + ldp;
    const p3 = p2 + ldp;
    const jLimit = lower ? Math.min(j1, i + 4) : j1;
    let j = j0;
    for (; j + 4 <= jLimit; j += 4) {
      const q0 = q.offset + j * ldq + k0;
      const q1 = q0 + ldq;
      const q2 = q1 + ldq;
      const q3 = q2 + ldq;
      let a00 = 0;
      let a01 = 0;
      let a02 = 0;
      let a03 = 0;
      let a10 = 0;
      let a11 = 0;
      let a12 = 0;
      let a13 = 0;
      let a20 = 0;
      let a21 = 0;
      let a22 = 0;
      let a23 = 0;
      let a30 = 0;
      let a31 = 0;
      let a32 = 0;
      let a33 = 0;
      for (let k = 0; k < kLength; k++) {
        const x0 = Q[q0 + k] as number;
        const x1 = Q[q1 + k] as number;
        const x2 = Q[q2 + k] as number;
        const x3 = Q[q3 + k] as number;
        let y = P[p0 + k] as number;
        a00 += y * x0;
        a01 += y * x1;
        a02 += y * x2;
        a03 += y * x3;
        y = P[p1 + k] as number;
        a10 += y * x0;
        a11 += y * x1;
        a12 += y * x2;
        a13 += y * x3;
        y = P[p2 + k] as number;
        a20 += y * x0;
        a21 += y * x1;
        a22 += y * x2;
        a23 += y * x3;
        y = P[p3 + k] as number;
        a30 += y * x0;
        a31 += y * x1;
        a32 += y * x2;
        a33 += y * x3;
      }
      const r = c.offset + i * ldc + j;
      if (!lower || j + 3 <= i) {
        store4(C, r, alpha, a00, a01, a02, a03);
        store4(C, r + ldc, alpha, a10, a11, a12, a13);
        store4(C, r + 2 * ldc, alpha, a20, a21, a22, a23);
        store4(C, r + 3 * ldc, alpha, a30, a31, a32, a33);
      } else {
        // A tile on the diagonal: keep only its lower half (j + s ≤ i + t).
        const d = i - j;
        storeMasked(C, r, alpha, d, a00, a01, a02, a03);
        storeMasked(C, r + ldc, alpha, d + 1, a10, a11, a12, a13);
        storeMasked(C, r + 2 * ldc, alpha, d + 2, a20, a21, a22, a23);
        storeMasked(C, r + 3 * ldc, alpha, d + 3, a30, a31, a32, a33);
      }
    }
    for (; j < jLimit; j++) {
      for (let t = 0; t < 4; t++) {
        if (lower && j > i + t) continue;
        const pr = p0 + t * ldp;
        C[c.offset + (i + t) * ldc + j] =
          (C[c.offset + (i + t) * ldc + j] as number) +
          alpha * dot(P, pr, Q, q.offset + j * ldq + k0, kLength);
      }
    }
  }
  for (; i < i1; i++) {
    const pr = p.offset + i * ldp + k0;
    const jLimit = lower ? Math.min(j1, i + 1) : j1;
    for (let j = j0; j < jLimit; j++) {
      const index = c.offset + i * ldc + j;
      C[index] = (C[index] as number) + alpha * dot(P, pr, Q, q.offset + j * ldq + k0, kLength);
    }
  }
}

function store4(
  C: Float64Array,
  r: number,
  alpha: number,
  a: number,
  b: number,
  c: number,
  d: number,
) {
  C[r] = (C[r] as number) + alpha * a;
  C[r + 1] = (C[r + 1] as number) + alpha * b;
  C[r + 2] = (C[r + 2] as number) + alpha * c;
  C[r + 3] = (C[r + 3] as number) + alpha * d;
}

/** Stores the entries s = 0..3 of a tile row whose diagonal sits at s = `diagonal`. */
function storeMasked(
  C: Float64Array,
  r: number,
  alpha: number,
  diagonal: number,
  a: number,
  b: number,
  c: number,
  d: number,
) {
  if (diagonal >= 0) C[r] = (C[r] as number) + alpha * a;
  if (diagonal >= 1) C[r + 1] = (C[r + 1] as number) + alpha * b;
  if (diagonal >= 2) C[r + 2] = (C[r + 2] as number) + alpha * c;
  if (diagonal >= 3) C[r + 3] = (C[r + 3] as number) + alpha * d;
}
