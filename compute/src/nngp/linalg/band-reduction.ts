import { applyBlockReflector, type BlockReflector, triangularFactor } from './block-reflector.ts';
import { checkShape } from './checks.ts';
import { householder } from './householder.ts';
import { multiplyTransposed } from './multiply.ts';
import { multiplyBackend } from './multiply-backend.ts';
import { multiplyTransposedWasm } from './multiply-wasm.ts';
import { reflectColumns } from './reflect-columns.ts';
import { mirrorLower } from './symmetric.ts';
import { transpose } from './transpose.ts';
import {
  allocateResident,
  allocateUninitialised,
  releaseResident,
  residentAddress,
} from './wasm-heap.ts';

/**
 * Default half-bandwidth. Every heavy step of the reduction is a rank-`bandwidth` (or 2×)
 * product, whose kernel is fastest at depth ~64–128; the per-shift band factorisation costs
 * n·bandwidth²/2, negligible at this size.
 */
export const DEFAULT_BANDWIDTH = 48;

/**
 * B = Qᵀ·A·Q, with B symmetric banded (entries with |i − j| > bandwidth are zero) and Q
 * orthogonal, held as the block reflectors that make it up (applied in order: Q = Q₀·Q₁·…).
 * `band` stores B's lower band row by row: B[i][j] for i − bandwidth ≤ j ≤ i sits at
 * `band[i * (bandwidth + 1) + j − i + bandwidth]` (slots left of column 0 are zero).
 */
export interface BandReduction {
  n: number;
  bandwidth: number;
  band: Float64Array;
  reflectors: BlockReflector[];
}

/**
 * Orthogonal reduction of a symmetric n×n row-major matrix to band form (the first stage of
 * LAPACK's two-stage dsytrd). Since Qᵀ(A + sI)Q = B + sI, one reduction serves every diagonal
 * shift s, and B + sI is positive definite exactly when A + sI is (they are similar). Only the
 * lower triangle of `a` is read; `a` is not modified. bandwidth = 1 gives the Householder
 * tridiagonal reduction. Cost ≈ 4n³/3 flops, all but O(n²·bandwidth) of it in matrix products.
 *
 * @example
 * const r = reduceToBand(k, n); // then solve (B + sI)z = QᵀY per shift, α = Q·z
 */
export function reduceToBand(
  a: Float64Array,
  n: number,
  bandwidth = DEFAULT_BANDWIDTH,
): BandReduction {
  checkShape('reduceToBand: a', a, n, n);
  if (!Number.isInteger(bandwidth) || bandwidth < 1)
    throw new RangeError(`reduceToBand: bandwidth must be a positive integer, got ${bandwidth}`);
  // With the wasm kernel, the working copy lives in wasm memory: the trailing updates, which
  // read and write all of it per panel, then run in place instead of copying it in and out.
  const resident = multiplyBackend() === 'wasm';
  const w = resident ? allocateResident(n * n) : new Float64Array(n * n);
  try {
    w.set(a);
    mirrorLower(w, n, 0);
    const reflectors: BlockReflector[] = [];
    for (let k = 0; ; k += bandwidth) {
      const start = k + bandwidth;
      const size = n - start;
      // Rows below the band in this column block must become upper trapezoidal; with fewer
      // than two such rows there is nothing below the band to eliminate.
      if (size < 2) break;
      const reflector = eliminateBelowBand(w, n, k, bandwidth);
      updateTrailing(w, n, reflector);
      reflectors.push(reflector);
    }
    return { n, bandwidth, band: extractBand(w, n, bandwidth), reflectors };
  } finally {
    if (resident) releaseResident(w);
  }
}

/**
 * QR of the panel w[start:n, k:k+bandwidth] (start = k + bandwidth). Writes R (and its mirror)
 * back into w with zeros below it, and returns the reflectors.
 */
function eliminateBelowBand(
  w: Float64Array,
  n: number,
  k: number,
  bandwidth: number,
): BlockReflector {
  const size = n - k - bandwidth;
  const width = Math.min(bandwidth, n - k);
  // Column-major copy of the panel: Householder QR works down columns. In wasm memory, the
  // reflector updates run as SIMD loops.
  const resident = multiplyBackend() === 'wasm';
  const panel = resident ? allocateResident(width * size) : new Float64Array(width * size);
  try {
    return factorPanel(w, n, k, bandwidth, panel);
  } finally {
    if (resident) releaseResident(panel);
  }
}

/** {@link eliminateBelowBand} with its column-major panel buffer (width × size) supplied. */
function factorPanel(
  w: Float64Array,
  n: number,
  k: number,
  bandwidth: number,
  panel: Float64Array,
): BlockReflector {
  const start = k + bandwidth;
  const size = n - start;
  const width = Math.min(bandwidth, n - k);
  const count = Math.min(size - 1, width);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < width; c++) panel[c * size + r] = w[(start + r) * n + k + c] as number;
  const taus = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const head = c * size + c;
    const { tau } = householder(panel, head, size - c);
    taus[c] = tau;
    // Apply H_c to the remaining columns: x ← x − τ·v·(vᵀx), with v[0] = 1 implicit.
    if (tau !== 0) reflectColumns(panel, head, size - c, width - c - 1, size, tau);
  }
  // R into w (both triangles, to keep w symmetric), reflectors into Vᵀ with explicit 1s and 0s.
  const vt = new Float64Array(count * size);
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < size; r++) {
      const value = r <= c ? (panel[c * size + r] as number) : 0;
      w[(start + r) * n + k + c] = value;
      w[(k + c) * n + start + r] = value;
    }
  }
  for (let c = 0; c < count; c++) {
    vt[c * size + c] = 1;
    for (let r = c + 1; r < size; r++) vt[c * size + r] = panel[c * size + r] as number;
  }
  return { start, size, count, vt, t: triangularFactor(vt, size, count, taus) };
}

/**
 * A22 ← Qᵀ·A22·Q for the trailing block, as a symmetric rank-2k update:
 * X = A22·V·T, W = X − ½·V·(Tᵀ·Vᵀ·X), A22 −= V·Wᵀ + W·Vᵀ (LAPACK's dsytrd/dsy2sb update).
 */
function updateTrailing(w: Float64Array, n: number, reflector: BlockReflector): void {
  const { start, size, count, vt, t } = reflector;
  const trailing = { data: w, offset: start * n + start, stride: n };
  const vRows = transpose(vt, count, size); // V, size×count
  // Y = A22·V (size×count): rows of A22 against rows of Vᵀ. This and the rank-2k update below
  // are the two O(size²·count) products; everything else is O(size·count²).
  const y = new Float64Array(size * count);
  multiplyTransposed(1, trailing, view(vt, size), view(y, count), size, count, size);
  // X = Y·T
  const x = new Float64Array(size * count);
  multiplyTransposed(
    1,
    view(y, count),
    view(transpose(t, count, count), count),
    view(x, count),
    size,
    count,
    count,
  );
  // M = Tᵀ·(Vᵀ·X), count×count
  const vtx = new Float64Array(count * count);
  multiplyTransposed(
    1,
    view(vt, size),
    view(transpose(x, size, count), size),
    view(vtx, count),
    count,
    count,
    size,
  );
  const m = new Float64Array(count * count);
  multiplyTransposed(
    1,
    view(transpose(t, count, count), count),
    view(transpose(vtx, count, count), count),
    view(m, count),
    count,
    count,
    count,
  );
  // W = X − ½·V·M (written over X)
  multiplyTransposed(
    -0.5,
    view(vRows, count),
    view(transpose(m, count, count), count),
    view(x, count),
    size,
    count,
    count,
  );
  // Rank-2k operands: P = [V | W], Q = [W | V] (size × 2·count), so P·Qᵀ = V·Wᵀ + W·Vᵀ.
  const depth = 2 * count;
  const p = new Float64Array(size * depth);
  const q = new Float64Array(size * depth);
  for (let r = 0; r < size; r++) {
    const vr = vRows.subarray(r * count, (r + 1) * count);
    const wr = x.subarray(r * count, (r + 1) * count);
    p.set(vr, r * depth);
    p.set(wr, r * depth + count);
    q.set(wr, r * depth);
    q.set(vr, r * depth + count);
  }
  // A22 −= P·Qᵀ on the lower triangle, then the upper one from it: Y = A22·V above reads whole
  // rows. The wasm path mirrors each block right after updating it, while it is still in cache,
  // instead of a separate pass over A22.
  if (multiplyBackend() === 'wasm') {
    multiplyTransposedWasm(
      -1,
      view(p, depth),
      view(q, depth),
      trailing,
      size,
      size,
      depth,
      true,
      true,
    );
  } else {
    multiplyTransposed(-1, view(p, depth), view(q, depth), trailing, size, size, depth, true);
    mirrorLower(w, n, start);
  }
}

function view(data: Float64Array, stride: number) {
  return { data, offset: 0, stride };
}

function extractBand(w: Float64Array, n: number, bandwidth: number): Float64Array {
  const width = bandwidth + 1;
  const band = new Float64Array(n * width);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - bandwidth); j <= i; j++)
      band[i * width + j - i + bandwidth] = w[i * n + j] as number;
  return band;
}

/**
 * Applies Q (`transposed` false) or Qᵀ of a reduction to `vectors` n-vectors stored one per row
 * of `zt` (vectors×n, row-major), in place.
 *
 * @example applyReduction(r, yt, 10, true) // yt ← rows of QᵀY
 */
export function applyReduction(
  reduction: BandReduction,
  zt: Float64Array,
  vectors: number,
  transposed: boolean,
): void {
  const { n, reflectors } = reduction;
  checkShape('applyReduction: zt', zt, vectors, n);
  // With the wasm kernel, the vectors go into wasm memory once for all blocks, instead of each
  // block's two products staging them in and out.
  const staged =
    multiplyBackend() === 'wasm' && residentAddress(zt, 0) === undefined
      ? allocateUninitialised(vectors * n)
      : undefined;
  try {
    staged?.set(zt.subarray(0, vectors * n));
    const z = staged ?? zt;
    // Q = Q₀·Q₁·…, so Q·z applies the last block first and Qᵀ·z the first block first.
    if (transposed) for (const r of reflectors) applyBlockReflector(r, z, vectors, n, true);
    else
      for (let i = reflectors.length - 1; i >= 0; i--)
        applyBlockReflector(reflectors[i] as BlockReflector, z, vectors, n, false);
    if (staged) zt.set(staged);
  } finally {
    if (staged) releaseResident(staged);
  }
}
