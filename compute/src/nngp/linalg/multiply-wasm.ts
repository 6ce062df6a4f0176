import { runChunks } from './multiply-threads.ts';
import type { Strided } from './strided.ts';
import {
  allocateUninitialised,
  releaseResident,
  reserveScratch,
  residentAddress,
  wasmHeap,
} from './wasm-heap.ts';

/**
 * Depth per pass. Four rows of P (4 × KC doubles, 8 KiB) stay in L1 while the kernel runs along
 * packed Q (NC × KC, 1 MiB) held in L2 (2 MiB per core here).
 */
const KC = 256;
/** Columns (rows of Q) packed per pass (see KC). */
const NC = 512;
/** Tile width of the kernel's column groups; packed Q is padded with zeros to a multiple. */
const NR = 4;
/** `diag` that puts every entry of a block in its lower part. */
const WHOLE = 1 << 30;
/** Multiply-adds per pass below which waking helper threads costs more than it saves. */
const PARALLEL_MIN_WORK = 1 << 20;

const PACKED_Q = reserveScratch(NC * KC * 8);

/**
 * The wasm SIMD kernel behind {@link multiplyTransposed} (same contract: C += alpha·P·Qᵀ, P
 * rows×depth, Q columns×depth, C rows×columns, row-major windows; `lower` touches only
 * column ≤ row). Q is packed into wasm memory a block at a time (O(columns·depth) copying
 * against O(rows·columns·depth) work). P and C are used in place when they live in wasm memory
 * ({@link allocateResident}); otherwise each is staged there once for the whole call (C's
 * wanted part copied in and back out), which costs one pass over them.
 *
 * `mirror` (with `lower`, for a square C) then also copies every entry below C's diagonal to
 * its mirror position above it, block by block while each block is still in cache, so C ends
 * up exactly symmetric without a separate pass over it.
 *
 * @example
 * const a = new Float64Array([1, 2, 3, 4]);
 * const c = new Float64Array(4);
 * const w = (data: Float64Array) => ({ data, offset: 0, stride: 2 });
 * multiplyTransposedWasm(1, w(a), w(a), w(c), 2, 2, 2); // c = [5, 11, 11, 25]
 */
export function multiplyTransposedWasm(
  alpha: number,
  p: Strided,
  q: Strided,
  c: Strided,
  rows: number,
  columns: number,
  depth: number,
  lower = false,
  mirror = false,
): void {
  if (rows <= 0 || columns <= 0 || depth <= 0) return;
  if (mirror && !(lower && rows === columns))
    throw new RangeError('multiplyTransposedWasm: mirror needs lower mode and a square C');
  const stagedP = residentAddress(p.data, p.offset) === undefined ? stage(p, rows, depth) : null;
  let stagedC: Float64Array | null = null;
  try {
    stagedC =
      residentAddress(c.data, c.offset) === undefined
        ? stage(c, rows, columns, lower && !mirror)
        : null;
    const pIn = stagedP ? { data: stagedP, offset: 0, stride: depth } : p;
    const cIn = stagedC ? { data: stagedC, offset: 0, stride: columns } : c;
    run(alpha, pIn, q, cIn, rows, columns, depth, lower, mirror);
    if (stagedC) unstage(stagedC, c, rows, columns, lower && !mirror);
  } finally {
    if (stagedC) releaseResident(stagedC);
    if (stagedP) releaseResident(stagedP);
  }
}

/**
 * The blocked loops over resident P and C: per block of Q (NC × KC) one pack and one pass of
 * the kernel over all rows, split between threads when large.
 */
function run(
  alpha: number,
  p: Strided,
  q: Strided,
  c: Strided,
  rows: number,
  columns: number,
  depth: number,
  lower: boolean,
  mirror: boolean,
): void {
  const pBase = residentAddress(p.data, p.offset) as number;
  const cBase = residentAddress(c.data, c.offset) as number;
  for (let j0 = 0; j0 < columns; j0 += NC) {
    const nc = Math.min(NC, columns - j0);
    // In lower mode, rows above j0 − 3 have no wanted entry in this block of columns.
    const i0 = lower ? Math.max(0, j0 - 3) & ~3 : 0;
    for (let k0 = 0; k0 < depth; k0 += KC) {
      const kc = Math.min(KC, depth - k0);
      packQ(wasmHeap().view, q, j0, nc, k0, kc);
      const args = [
        rows - i0,
        nc,
        kc,
        pBase + (i0 * p.stride + k0) * 8,
        p.stride * 8,
        PACKED_Q,
        cBase + (i0 * c.stride + j0) * 8,
        c.stride * 8,
        alpha,
        lower ? i0 - j0 : WHOLE,
        mirror && k0 + kc === depth ? 1 : 0,
      ];
      runChunks(args, (rows - i0) * nc * kc >= PARALLEL_MIN_WORK);
    }
  }
}

/**
 * Rows j0..j0+nc, depth k0..k0+kc of Q into the kernel's layout: column group g holds kc steps
 * of NR consecutive rows' values, so each k step is one contiguous 32-byte load.
 */
function packQ(heap: Float64Array, q: Strided, j0: number, nc: number, k0: number, kc: number) {
  const Q = q.data;
  const base = PACKED_Q / 8;
  const padded = Math.ceil(nc / NR) * NR;
  for (let s = 0; s < padded; s++) {
    let at = base + (s - (s % NR)) * kc + (s % NR);
    if (s >= nc) {
      for (let k = 0; k < kc; k++, at += NR) heap[at] = 0;
      continue;
    }
    const from = q.offset + (j0 + s) * q.stride + k0;
    for (let k = 0; k < kc; k++, at += NR) heap[at] = Q[from + k] as number;
  }
}

/**
 * A dense resident copy of a rows×columns window (only column ≤ row with `lower`: the rest is
 * never read or written by the kernel, so it stays uninitialised).
 */
function stage(m: Strided, rows: number, columns: number, lower = false): Float64Array {
  const staged = allocateUninitialised(rows * columns);
  if (!lower && m.stride === columns) {
    staged.set(m.data.subarray(m.offset, m.offset + rows * columns));
    return staged;
  }
  for (let r = 0; r < rows; r++) {
    const from = m.offset + r * m.stride;
    staged.set(m.data.subarray(from, from + wanted(r, columns, lower)), r * columns);
  }
  return staged;
}

/** Copies a staged C back into its window. */
function unstage(staged: Float64Array, m: Strided, rows: number, columns: number, lower: boolean) {
  if (!lower && m.stride === columns) {
    m.data.set(staged, m.offset);
    return;
  }
  for (let r = 0; r < rows; r++) {
    const at = r * columns;
    m.data.set(staged.subarray(at, at + wanted(r, columns, lower)), m.offset + r * m.stride);
  }
}

/** Entries of row r that a (lower) product touches. */
function wanted(r: number, columns: number, lower: boolean): number {
  return lower ? Math.min(columns, r + 1) : columns;
}
