import { readFileSync } from 'node:fs';

/** The exports of wasm/kernels.wasm (its source, kernels.wat, documents each). */
interface KernelExports {
  /** C += alpha·P·Qᵀ on one block; all addresses and strides in bytes. */
  gemm(
    rows: number,
    cols: number,
    kc: number,
    p: number,
    ldp: number,
    b: number,
    c: number,
    ldc: number,
    alpha: number,
    diag: number,
    tile: number,
  ): void;
  /** Copies a block's entries below C's diagonal to their mirror positions. */
  mirror(rows: number, cols: number, c: number, ldc: number, diag: number): void;
  /** Applies a Householder reflector to columns of a column-major panel: see kernels.wat. */
  reflect(v: number, x: number, len: number, count: number, stride: number, tau: number): void;
  /** Band Cholesky of B + shift·I in place; −1, or the failing row (its pivot stored at out). */
  bandCholesky(l: number, n: number, bw: number, shift: number, out: number): number;
  /** Solves L·Lᵀ·x = y in place for `vectors` right-hand sides (rows at x). */
  bandSolve(l: number, n: number, bw: number, x: number, vectors: number): void;
  /** gemm (and mirror) on chunks of rows claimed through an atomic counter: see kernels.wat. */
  gemmChunks(
    rows: number,
    cols: number,
    kc: number,
    p: number,
    ldp: number,
    b: number,
    c: number,
    ldc: number,
    alpha: number,
    diag: number,
    mirror: number,
    counter: number,
    chunk: number,
    tile: number,
  ): void;
}

const PAGE = 65536;
/** 4 GiB, all that 32-bit wasm addresses reach; shared memory reserves it up front (virtually). */
const MAX_PAGES = 65536;
/** Address 0 stays unused, so no allocation is ever at a null-looking address. */
const RESERVED = 64;
/**
 * Fixed room for {@link reserveScratch} below all allocations. Fixed, so that a module loaded
 * after the heap is in use can still reserve its scratch; the packed-Q block (1 MiB) is most.
 */
const SCRATCH_BYTES = 2 << 20;
/** Allocations start on cache-line boundaries. */
const ALIGN = 64;
/**
 * When the last resident allocation has been released and the memory has grown past this, the
 * heap starts over with a fresh memory once the thread is idle: wasm memory never shrinks, and
 * a reduction at n = 4,000 would otherwise pin 128 MB for the life of the process.
 */
const TRIM_BYTES = 64 << 20;

/** The part of the WebAssembly JS API used here (the project's `lib` has no DOM typings). */
interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// Compiled once per thread at load; the file sits beside this module in the source tree.
const module = new wasm.Module(readFileSync(new URL('./wasm/kernels.wasm', import.meta.url)));

interface Heap {
  memory: WasmMemory;
  exports: KernelExports;
  /** Every buffer object this memory has handed out: after growth, views made earlier keep the
   * old (still valid, shared) buffer object, so identity with memory.buffer is not enough. */
  buffers: WeakSet<ArrayBufferLike>;
  view: Float64Array;
  /** End of the fixed scratch region: allocations start here. */
  scratchEnd: number;
  /** Live allocations as [start, end) byte ranges, in allocation order. */
  live: { start: number; end: number; view: Float64Array }[];
}

let current: Heap | undefined;
let scratchBytes = 0;

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

function createHeap(): Heap {
  const scratchEnd = RESERVED + SCRATCH_BYTES;
  const memory = new wasm.Memory({
    initial: Math.ceil(scratchEnd / PAGE),
    maximum: MAX_PAGES,
    shared: true,
  });
  const instance = new wasm.Instance(module, { env: { memory } });
  const heap: Heap = {
    memory,
    exports: instance.exports as unknown as KernelExports,
    buffers: new WeakSet(),
    view: new Float64Array(0),
    scratchEnd,
    live: [],
  };
  refresh(heap);
  return heap;
}

function refresh(heap: Heap): void {
  const buffer = heap.memory.buffer;
  if (heap.view.buffer === buffer) return;
  heap.buffers.add(buffer);
  heap.view = new Float64Array(buffer);
}

/**
 * The wasm heap: the kernel's exports, a Float64Array over all of its memory (refreshed after
 * growth; never hold it across a call that may allocate), the memory itself and the compiled
 * module (for helper threads to instantiate on the same memory).
 *
 * @example const { exports, view } = wasmHeap();
 */
export function wasmHeap(): {
  exports: KernelExports;
  view: Float64Array;
  memory: WasmMemory;
  module: object;
} {
  current ??= createHeap();
  refresh(current);
  return { ...current, module };
}

/**
 * Reserves `bytes` of scratch at a fixed place below all allocations and returns its byte
 * address: for kernels' working areas (packed blocks, counters) that must never move or grow
 * mid-call. Modules call this once at load.
 *
 * @example const PACK = reserveScratch(1 << 20); // PACK is a byte address inside the heap
 */
export function reserveScratch(bytes: number): number {
  const at = RESERVED + roundUp(scratchBytes, ALIGN);
  if (at + bytes > RESERVED + SCRATCH_BYTES)
    throw new RangeError(`reserveScratch: no room for ${bytes} more bytes of scratch`);
  scratchBytes = at - RESERVED + bytes;
  return at;
}

/**
 * A Float64Array of `length` zeros that lives in wasm memory, so kernels read and write it in
 * place instead of copying it in and out. Release it with {@link releaseResident} when done (in
 * a `finally`); until then it stays valid, also across later growth of the memory.
 *
 * @example
 * const w = allocateResident(n * n);
 * try { … } finally { releaseResident(w); }
 */
export function allocateResident(length: number): Float64Array {
  const view = allocateUninitialised(length);
  // Memory below the top may hold an earlier allocation's data.
  view.fill(0);
  return view;
}

/**
 * As {@link allocateResident} but with whatever the memory last held: for staging buffers that
 * are overwritten at once.
 *
 * @example const staged = allocateUninitialised(rows * columns); staged.set(source);
 */
export function allocateUninitialised(length: number): Float64Array {
  const heap = current ?? createHeap();
  current = heap;
  const top = heap.live.at(-1)?.end ?? heap.scratchEnd;
  const start = roundUp(top, ALIGN);
  const end = start + length * 8;
  if (end > MAX_PAGES * PAGE)
    throw new RangeError(`allocateResident: ${length} doubles do not fit in wasm memory (4 GiB)`);
  const have = heap.memory.buffer.byteLength;
  if (end > have) heap.memory.grow(Math.ceil((end - have) / PAGE));
  refresh(heap);
  const view = new Float64Array(heap.view.buffer, start, length);
  heap.live.push({ start, end, view });
  return view;
}

/**
 * Ends an allocation from {@link allocateResident}; the view must not be used afterwards.
 *
 * @example releaseResident(w);
 */
export function releaseResident(view: Float64Array): void {
  const heap = current;
  const index = heap?.live.findIndex((a) => a.view === view) ?? -1;
  if (heap === undefined || index < 0)
    throw new Error('releaseResident: not a live resident allocation');
  heap.live.splice(index, 1);
  if (heap.live.length === 0 && heap.memory.buffer.byteLength > TRIM_BYTES && !trimPending) {
    // Not at once: a loop of calls that each stage a large operand would otherwise build a
    // fresh memory every time. Once this thread is idle, nothing is live and it can go.
    trimPending = true;
    setTimeout(trim, 0).unref();
  }
}

let trimPending = false;

function trim(): void {
  trimPending = false;
  if (current !== undefined && current.live.length === 0) current = undefined;
}

/**
 * The byte address in wasm memory of `data[offset]`, or undefined when `data` is ordinary JS
 * memory (then kernels must copy it in).
 *
 * @example residentAddress(w, 5) // w.byteOffset + 40 for a resident w
 */
export function residentAddress(data: Float64Array, offset: number): number | undefined {
  if (current === undefined || !current.buffers.has(data.buffer)) return undefined;
  return data.byteOffset + offset * 8;
}
