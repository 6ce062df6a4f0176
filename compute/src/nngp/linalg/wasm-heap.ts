import { readFileSync } from 'node:fs';

/** The exports of wasm/gemm.wasm (its source, gemm.wat, documents the layout contract). */
interface GemmExports {
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
  ): void;
}

const PAGE = 65536;
/** 4 GiB, all that 32-bit wasm addresses reach; shared memory reserves it up front (virtually). */
const MAX_PAGES = 65536;
/** Bytes [0, 128) are the module's tile scratch (see gemm.wat). */
const RESERVED = 128;
/** Allocations start on cache-line boundaries. */
const ALIGN = 64;
/**
 * When the last resident allocation is released and the memory has grown past this, the heap
 * starts over with a fresh memory: wasm memory never shrinks, and a reduction at n = 4,000
 * would otherwise pin 128 MB for the life of the process.
 */
const TRIM_BYTES = 64 << 20;

const module = new WebAssembly.Module(readFileSync(new URL('./wasm/gemm.wasm', import.meta.url)));

interface Heap {
  memory: WebAssembly.Memory;
  exports: GemmExports;
  /** Every buffer object this memory has handed out: after growth, views made earlier keep the
   * old (still valid, shared) buffer object, so identity with memory.buffer is not enough. */
  buffers: WeakSet<ArrayBufferLike>;
  view: Float64Array;
  /** Fixed regions (byte address, bytes) below the allocations. */
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
  const scratchEnd = RESERVED + roundUp(scratchBytes, ALIGN);
  const memory = new WebAssembly.Memory({
    initial: Math.ceil(scratchEnd / PAGE),
    maximum: MAX_PAGES,
    shared: true,
  });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const heap: Heap = {
    memory,
    exports: instance.exports as unknown as GemmExports,
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
 * The wasm heap: the gemm kernel and a Float64Array over all of its memory (refreshed after
 * growth; never hold it across a call that may allocate).
 *
 * @example const { exports, view } = wasmHeap();
 */
export function wasmHeap(): { exports: GemmExports; view: Float64Array } {
  current ??= createHeap();
  refresh(current);
  return current;
}

/**
 * Reserves `bytes` of fixed scratch at the bottom of the heap and returns its byte address
 * (relative to the first scratch byte, which is 128). Modules call this once at load, before
 * anything is allocated, so that kernels never need to grow memory mid-call.
 *
 * @example const PACK = reserveScratch(1 << 20); // PACK is a byte address inside the heap
 */
export function reserveScratch(bytes: number): number {
  if (current !== undefined)
    throw new Error('reserveScratch: the wasm heap is already in use; reserve at module load');
  const at = RESERVED + roundUp(scratchBytes, ALIGN);
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
  const heap = current ?? createHeap();
  current = heap;
  const top = heap.live.at(-1)?.end ?? heap.scratchEnd;
  const start = roundUp(top, ALIGN);
  const end = start + length * 8;
  if (end > MAX_PAGES * PAGE)
    throw new RangeError(`allocateResident: ${length} doubles do not fit in wasm memory`);
  const have = heap.memory.buffer.byteLength;
  if (end > have) heap.memory.grow(Math.ceil((end - have) / PAGE));
  refresh(heap);
  const view = new Float64Array(heap.view.buffer, start, length);
  // Memory below the top may hold an earlier allocation's data.
  view.fill(0);
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
  if (heap.live.length === 0 && heap.memory.buffer.byteLength > TRIM_BYTES) current = undefined;
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
