import { checkShape } from './checks.ts';
import { CholeskyError } from './cholesky-error.ts';
import { dot } from './dot.ts';
import { multiplyBackend } from './multiply-backend.ts';
import {
  allocateUninitialised,
  releaseResident,
  reserveScratch,
  residentAddress,
  wasmHeap,
} from './wasm-heap.ts';

/** Where the wasm factorisation leaves a failed pivot. */
const PIVOT = reserveScratch(8);

/**
 * Lower Cholesky factor of B + shift·I for a symmetric band matrix B in the row-wise lower band
 * layout of {@link BandReduction} (n×(bandwidth+1)); the factor has the same layout and band.
 * Costs n·bandwidth²/2 multiply-adds, so it is repeated per shift at no real cost.
 *
 * @throws CholeskyError naming the first column whose pivot is not positive.
 * @example
 * // tridiagonal [[2, 1], [1, 2]] shifted by 1: band rows [_, 3], [1, 3]
 * bandCholesky(new Float64Array([0, 2, 1, 2]), 2, 1, 1) // [0, √3, 1/√3, √(3 − 1/3)]
 */
export function bandCholesky(
  band: Float64Array,
  n: number,
  bandwidth: number,
  shift: number,
): Float64Array {
  const width = bandwidth + 1;
  checkShape('bandCholesky: band', band, n, width);
  if (multiplyBackend() === 'wasm') return bandCholeskyWasm(band, n, bandwidth, shift);
  const l = new Float64Array(band);
  for (let i = 0; i < n; i++) {
    const rowI = i * width;
    const first = Math.max(0, i - bandwidth);
    for (let j = first; j <= i; j++) {
      const rowJ = j * width;
      // Columns first..j−1 of rows i and j: slots (c − i + bw) and (c − j + bw).
      const s =
        (l[rowI + j - i + bandwidth] as number) +
        (j === i ? shift : 0) -
        dot(l, rowI + first - i + bandwidth, l, rowJ + first - j + bandwidth, j - first);
      if (j < i) {
        l[rowI + j - i + bandwidth] = s / (l[rowJ + bandwidth] as number);
      } else {
        if (!(s > 0)) throw new CholeskyError(i, s);
        l[rowI + bandwidth] = Math.sqrt(s);
      }
    }
  }
  return l;
}

/**
 * Solves L·Lᵀ·x = y in place for `vectors` right-hand sides stored one per row of `xt`
 * (vectors×n, row-major), L a band factor from {@link bandCholesky}.
 *
 * @example bandCholeskySolve(l, n, bandwidth, xt, 10) // xt ← rows of (B + sI)⁻¹·Y
 */
export function bandCholeskySolve(
  l: Float64Array,
  n: number,
  bandwidth: number,
  xt: Float64Array,
  vectors: number,
): void {
  const width = bandwidth + 1;
  checkShape('bandCholeskySolve: l', l, n, width);
  checkShape('bandCholeskySolve: xt', xt, vectors, n);
  if (multiplyBackend() === 'wasm') {
    bandSolveWasm(l, n, bandwidth, xt, vectors);
    return;
  }
  for (let v = 0; v < vectors; v++) {
    const base = v * n;
    for (let i = 0; i < n; i++) {
      const first = Math.max(0, i - bandwidth);
      const row = i * width;
      const s =
        (xt[base + i] as number) - dot(l, row + first - i + bandwidth, xt, base + first, i - first);
      xt[base + i] = s / (l[row + bandwidth] as number);
    }
    // Lᵀ's rows are L's columns; sweep with L's rows instead (axpy), as in choleskySolve.
    for (let j = n - 1; j >= 0; j--) {
      const row = j * width;
      const xj = (xt[base + j] as number) / (l[row + bandwidth] as number);
      xt[base + j] = xj;
      for (let c = Math.max(0, j - bandwidth); c < j; c++)
        xt[base + c] = (xt[base + c] as number) - (l[row + c - j + bandwidth] as number) * xj;
    }
  }
}

/**
 * {@link bandCholesky} by the wasm SIMD loop (same recurrence; its dot products sum in another
 * order, so the factor agrees to rounding), on a copy of the band in wasm memory.
 */
function bandCholeskyWasm(
  band: Float64Array,
  n: number,
  bandwidth: number,
  shift: number,
): Float64Array {
  const l = allocateUninitialised(band.length);
  try {
    l.set(band);
    const { exports, view } = wasmHeap();
    const failed = exports.bandCholesky(l.byteOffset, n, bandwidth, shift, PIVOT);
    if (failed >= 0) throw new CholeskyError(failed, view[PIVOT / 8] as number);
    return l.slice();
  } finally {
    releaseResident(l);
  }
}

/** {@link bandCholeskySolve} by the wasm SIMD loops, staging L and the vectors if need be. */
function bandSolveWasm(
  l: Float64Array,
  n: number,
  bandwidth: number,
  xt: Float64Array,
  vectors: number,
): void {
  const length = n * vectors;
  const lCopy = residentAddress(l, 0) === undefined ? allocateUninitialised(l.length) : undefined;
  const xCopy = residentAddress(xt, 0) === undefined ? allocateUninitialised(length) : undefined;
  try {
    lCopy?.set(l);
    xCopy?.set(xt.subarray(0, length));
    const factor = residentAddress(lCopy ?? l, 0) as number;
    const x = residentAddress(xCopy ?? xt, 0) as number;
    wasmHeap().exports.bandSolve(factor, n, bandwidth, x, vectors);
    if (xCopy) xt.set(xCopy);
  } finally {
    if (xCopy) releaseResident(xCopy);
    if (lCopy) releaseResident(lCopy);
  }
}
