import type { Strided } from './strided.ts';
import { reserveScratch, residentAddress, wasmHeap } from './wasm-heap.ts';

/**
 * Depth per pass. One column group of packed Q (KC × 4 doubles, 8 KiB) stays in L1 while the
 * kernel sweeps a block of P's rows (MC × KC, 512 KiB) held in L2 (2 MiB per core here).
 */
const KC = 256;
/** Rows of P per pass (see KC). */
const MC = 256;
/** Columns (rows of Q) packed per pass: 1 MiB of packed Q, reused by every block of P's rows. */
const NC = 512;
/** Tile width of the kernel's column groups; packed Q is padded with zeros to a multiple. */
const NR = 4;
/** `diag` that puts every entry of a block in its lower part. */
const WHOLE = 1 << 30;

const PACKED_Q = reserveScratch(NC * KC * 8);
const COPY_P = reserveScratch(MC * KC * 8);
const COPY_C = reserveScratch(MC * NC * 8);

/**
 * The wasm SIMD version of {@link multiplyTransposed} (same contract: C += alpha·P·Qᵀ, P rows×
 * depth, Q columns×depth, C rows×columns, row-major windows; `lower` touches only column ≤ row).
 * Q is packed into wasm memory a block at a time (O(columns·depth) copying against the
 * O(rows·columns·depth) work); P and C are used in place when they live in wasm memory
 * ({@link allocateResident}) and copied a block at a time otherwise.
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
): void {
  if (rows <= 0 || columns <= 0 || depth <= 0) return;
  const { exports, view } = wasmHeap();
  const pBase = residentAddress(p.data, p.offset);
  const cBase = residentAddress(c.data, c.offset);
  for (let j0 = 0; j0 < columns; j0 += NC) {
    const nc = Math.min(NC, columns - j0);
    for (let k0 = 0; k0 < depth; k0 += KC) {
      const kc = Math.min(KC, depth - k0);
      packQ(view, q, j0, nc, k0, kc);
      // In lower mode, row blocks that end above the first column hold nothing wanted.
      for (let i0 = lower ? j0 - (j0 % MC) : 0; i0 < rows; i0 += MC) {
        const mc = Math.min(MC, rows - i0);
        let pAt: number;
        let ldp: number;
        if (pBase === undefined) {
          copyIn(view, COPY_P, kc, p, i0, k0, mc, kc);
          pAt = COPY_P;
          ldp = kc * 8;
        } else {
          pAt = pBase + (i0 * p.stride + k0) * 8;
          ldp = p.stride * 8;
        }
        const diag = lower ? i0 - j0 : WHOLE;
        if (cBase === undefined) {
          copyIn(view, COPY_C, nc, c, i0, j0, mc, nc);
          exports.gemm(mc, nc, kc, pAt, ldp, PACKED_Q, COPY_C, nc * 8, alpha, diag);
          copyOut(view, COPY_C, nc, c, i0, j0, mc, nc);
        } else {
          const cAt = cBase + (i0 * c.stride + j0) * 8;
          exports.gemm(mc, nc, kc, pAt, ldp, PACKED_Q, cAt, c.stride * 8, alpha, diag);
        }
      }
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

/** The rows×columns window of `m` at (i0, j0) into the heap at byte `to`, row stride `ld`. */
function copyIn(
  heap: Float64Array,
  to: number,
  ld: number,
  m: Strided,
  i0: number,
  j0: number,
  rows: number,
  columns: number,
) {
  for (let r = 0; r < rows; r++) {
    const from = m.offset + (i0 + r) * m.stride + j0;
    heap.set(m.data.subarray(from, from + columns), to / 8 + r * ld);
  }
}

/** The inverse of {@link copyIn}. */
function copyOut(
  heap: Float64Array,
  from: number,
  ld: number,
  m: Strided,
  i0: number,
  j0: number,
  rows: number,
  columns: number,
) {
  for (let r = 0; r < rows; r++) {
    const at = from / 8 + r * ld;
    m.data.set(heap.subarray(at, at + columns), m.offset + (i0 + r) * m.stride + j0);
  }
}
