import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { readComputeEnv } from '../../env.ts';
import { reserveScratch, wasmHeap } from './wasm-heap.ts';

/** Most threads a product is split over (this one and up to MAX_THREADS − 1 helpers). */
const MAX_THREADS = 8;
/** Rows per chunk that a thread claims: small enough to balance triangular work, large
 * enough that a claim (one atomic add) is noise next to chunk × columns × depth multiply-adds. */
const CHUNK_ROWS = 32;

/** The i32 that threads increment to claim chunks (see gemmChunks in kernels.wat). */
const COUNTER = reserveScratch(64);
/** One 128-byte edge-tile spill area per thread. */
const TILES = reserveScratch(128 * MAX_THREADS);

// Control block, outside wasm memory so it survives the heap being replaced: Int32 slots
// SEQ (bumped per job), DONE (helpers finished with the job), KIND (what the job is), FAILED,
// ASLEEP (helpers blocked in Atomics.wait), MAIN_ASLEEP (the caller blocked waiting for DONE),
// READY (helpers that have started), then the job's 13 arguments as float64 from byte 64.
const SEQ = 0;
const DONE = 1;
const KIND = 2;
const FAILED = 3;
const ASLEEP = 4;
const MAIN_ASLEEP = 5;
const READY = 6;
const WORK = 0;
const ATTACH = 1;
/**
 * Polls of a shared word before blocking on it (a few hundred µs). A reduction issues passes
 * back to back, a few ms apart at most; waking a thread blocked in the kernel costs ~0.1 ms
 * here (futex through the hypervisor) and blocking itself more, so both sides poll first and
 * signal a sleeper only when one has announced itself.
 */
const SPIN = 100_000;
/** How long new helpers may take to start before products stay on one thread for good. */
const START_TIMEOUT_MS = 10_000;

/**
 * A helper's whole life: wait for a job, run it, count itself done. Plain JavaScript run with
 * `eval`, so it needs no TypeScript loader in the worker. ATTACH brings a (new) memory through
 * the helper's port, read synchronously because the helper never returns to its event loop.
 */
const HELPER = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { module, port, control, tile } = workerData;
const ctl = new Int32Array(control, 0, 16);
const args = new Float64Array(control, 64, 16);
let run;
let seen = 0;
Atomics.add(ctl, ${READY}, 1);
Atomics.notify(ctl, ${READY});
for (;;) {
  for (let i = 0; i < ${SPIN} && Atomics.load(ctl, ${SEQ}) === seen; i++);
  if (Atomics.load(ctl, ${SEQ}) === seen) {
    Atomics.add(ctl, ${ASLEEP}, 1);
    Atomics.wait(ctl, ${SEQ}, seen);
    Atomics.sub(ctl, ${ASLEEP}, 1);
  }
  seen = Atomics.load(ctl, ${SEQ});
  try {
    if (Atomics.load(ctl, ${KIND}) === ${ATTACH}) {
      const { memory } = receiveMessageOnPort(port).message;
      run = new WebAssembly.Instance(module, { env: { memory } }).exports.gemmChunks;
    } else {
      run(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8],
        args[9], args[10], args[11], args[12], tile);
    }
  } catch (error) {
    Atomics.store(ctl, ${FAILED}, 1);
  }
  Atomics.add(ctl, ${DONE}, 1);
  if (Atomics.load(ctl, ${MAIN_ASLEEP}) !== 0) Atomics.notify(ctl, ${DONE});
}
`;

interface Pool {
  helpers: { worker: Worker; port: MessagePort }[];
  ctl: Int32Array;
  args: Float64Array;
  /** The memory the helpers have instantiated the kernel on. */
  attached: unknown;
}

let pool: Pool | undefined;

/**
 * Threads per product: this one plus helpers. Default: the available cores (at most
 * MAX_THREADS) on the main thread, 1 inside worker threads, whose pools already keep every
 * core busy. NNGP_MULTIPLY_THREADS overrides the default.
 */
let threads = defaultThreads();

function defaultThreads(): number {
  const fromEnv = readComputeEnv().NNGP_MULTIPLY_THREADS;
  if (fromEnv !== undefined) return Math.min(fromEnv, MAX_THREADS);
  return isMainThread ? Math.min(availableParallelism(), MAX_THREADS) : 1;
}

/**
 * Sets how many threads (including the calling one) the wasm kernel splits large products
 * over; returns the previous setting. Helpers start on first use and never keep the process
 * alive. 1 turns splitting off.
 *
 * @example const previous = setMultiplyThreads(1); // single-threaded from now on
 */
export function setMultiplyThreads(count: number): number {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`setMultiplyThreads: count must be a positive integer, got ${count}`);
  const previous = threads;
  threads = Math.min(count, MAX_THREADS);
  return previous;
}

/**
 * The current setting of {@link setMultiplyThreads}.
 *
 * @example multiplyThreads() // 2 on a two-core machine
 */
export function multiplyThreads(): number {
  return threads;
}

/**
 * Runs gemmChunks (see kernels.wat) with `args` (its first 11 arguments: rows … mirror) on this
 * thread, joined by the helpers when `parallel` and more than one thread is configured.
 * Returns when every chunk is done.
 *
 * @example runChunks([rows, cols, kc, p, ldp, b, c, ldc, alpha, diag, 0], true);
 */
export function runChunks(args: number[], parallel: boolean): void {
  const { exports, view, memory, module } = wasmHeap();
  const counter = new Int32Array(view.buffer, COUNTER, 1);
  Atomics.store(counter, 0, 0);
  const [rows, cols, kc, p, ldp, b, c, ldc, alpha, diag, mirror] = args as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const helpers = parallel && threads > 1 ? ensurePool(threads - 1, module) : undefined;
  if (helpers !== undefined) {
    if (helpers.attached !== memory) attach(helpers, memory);
    helpers.args.set([...args, COUNTER, CHUNK_ROWS]);
    signal(helpers, WORK);
  }
  try {
    exports.gemmChunks(
      rows,
      cols,
      kc,
      p,
      ldp,
      b,
      c,
      ldc,
      alpha,
      diag,
      mirror,
      COUNTER,
      CHUNK_ROWS,
      TILES,
    );
  } finally {
    // Even when this thread's part threw: the next job must not start under running helpers.
    if (helpers !== undefined) join(helpers);
  }
}

function ensurePool(count: number, module: object): Pool | undefined {
  if (pool !== undefined && pool.helpers.length === count) return pool;
  if (pool !== undefined) for (const { worker } of pool.helpers) void worker.terminate();
  pool = undefined;
  const control = new SharedArrayBuffer(64 + 16 * 8);
  const ctl = new Int32Array(control, 0, 16);
  const helpers = Array.from({ length: count }, (_, index) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(HELPER, {
      eval: true,
      workerData: { module, port: port2, control, tile: TILES + 128 * (index + 1) },
      transferList: [port2],
    });
    // Helpers wait on Atomics forever; they must not hold the process open.
    worker.unref();
    return { worker, port: port1 };
  });
  // Every later job blocks until all helpers answer, so make sure they run at all: a helper
  // that cannot start would otherwise hang the first product.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const ready = Atomics.load(ctl, READY);
    if (ready >= count) break;
    const left = deadline - Date.now();
    if (left <= 0) {
      for (const { worker } of helpers) void worker.terminate();
      threads = 1;
      process.emitWarning(
        'multiplyTransposed: helper threads did not start; products stay single-threaded',
      );
      return undefined;
    }
    Atomics.wait(ctl, READY, ready, left);
  }
  pool = { helpers, ctl, args: new Float64Array(control, 64, 16), attached: undefined };
  return pool;
}

function attach(p: Pool, memory: unknown): void {
  for (const { port } of p.helpers) port.postMessage({ memory });
  signal(p, ATTACH);
  join(p);
  p.attached = memory;
}

function signal(p: Pool, kind: number): void {
  Atomics.store(p.ctl, DONE, 0);
  Atomics.store(p.ctl, KIND, kind);
  Atomics.add(p.ctl, SEQ, 1);
  // A helper counts itself in ASLEEP before it re-checks SEQ and blocks, so one that reads
  // the old SEQ is seen here (all these operations are sequentially consistent).
  if (Atomics.load(p.ctl, ASLEEP) !== 0) Atomics.notify(p.ctl, SEQ);
}

/** Blocks until every helper has finished the current job. */
function join(p: Pool): void {
  const all = p.helpers.length;
  for (let i = 0; i < SPIN && Atomics.load(p.ctl, DONE) < all; i++);
  for (;;) {
    const done = Atomics.load(p.ctl, DONE);
    if (done >= all) break;
    Atomics.store(p.ctl, MAIN_ASLEEP, 1);
    // Re-read after announcing: a helper that finished in between did not notify.
    if (Atomics.load(p.ctl, DONE) === done) Atomics.wait(p.ctl, DONE, done);
    Atomics.store(p.ctl, MAIN_ASLEEP, 0);
  }
  if (Atomics.exchange(p.ctl, FAILED, 0) !== 0) {
    p.attached = undefined;
    throw new Error('multiplyTransposed: a helper thread failed');
  }
}
