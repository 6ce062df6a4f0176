import { Worker } from 'node:worker_threads';
import { KERNEL_KINDS, type KernelKind } from '@nngp-nas/db/schema';
import type { BackendName } from '../../network/tfjs/index.ts';
import {
  type ArchitectureEvaluation,
  assembleEvaluation,
  kernelsOf,
  type SeedEstimate,
} from '../evaluate.ts';
import type { Cell, FromWorker, ToWorker, WorkerInit } from './protocol.ts';

/** A worker failed to start, or an architecture's evaluation threw inside a worker. */
export class WorkerError extends Error {
  override name = 'WorkerError';
}

interface Slot {
  worker: Worker;
  busy: boolean;
  dead?: boolean;
}

/**
 * `size` worker threads, each with its own TensorFlow.js backend, each estimating one seed's
 * kernel at a time (the wasm backend is single-threaded in Node, so this is how every core works).
 *
 * @example
 * const pool = await EvaluationPool.start(2, init);
 * const evaluation = await pool.evaluate(cell);
 * await pool.close();
 */
export class EvaluationPool {
  readonly backend: BackendName;
  readonly #slots: Slot[];
  readonly #waiting: (() => void)[] = [];
  #nextId = 0;

  readonly #init: WorkerInit;

  private constructor(slots: Slot[], backend: BackendName, init: WorkerInit) {
    this.#slots = slots;
    this.backend = backend;
    this.#init = init;
  }

  static async start(size: number, init: WorkerInit): Promise<EvaluationPool> {
    // ORT already runs on every core: a worker per core would multiply its threads.
    if (init.settings.engine === 'onnx') {
      throw new WorkerError(
        'the onnx engine runs in-process (runEvaluation), not in worker threads',
      );
    }
    const shared = new Float32Array(new SharedArrayBuffer(init.data.images.byteLength));
    shared.set(init.data.images);
    const workerData: WorkerInit = { ...init, data: { ...init.data, images: shared } };
    const slots = await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData });
        const ready = await new Promise<FromWorker>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        if (ready.type !== 'ready') {
          await worker.terminate();
          throw new WorkerError(
            ready.type === 'failed-to-start' ? ready.message : 'worker did not start',
          );
        }
        return { slot: { worker, busy: false }, backend: ready.backend };
      }),
    );
    return new EvaluationPool(
      slots.map((s) => s.slot),
      (slots[0] as { backend: BackendName }).backend,
      init,
    );
  }

  get size(): number {
    return this.#slots.length;
  }

  /**
   * Evaluates one architecture, its seeds spread over the free workers (so a single architecture
   * still keeps every core busy). `seconds` is the time some seed of it was running on a worker
   * (the union of its seeds' intervals), not the time it waited for a free worker: summed over
   * a run, it stays within the run's wall time × workers.
   */
  async evaluate(cell: Cell): Promise<ArchitectureEvaluation> {
    const { data, settings } = this.#init;
    const kinds = kernelsOf(settings);
    const byKind = await Promise.all(
      KERNEL_KINDS.map(async (kernel) => {
        if (!kinds.includes(kernel)) return assembleEvaluation(cell.hash, [], data, settings, 0);
        const intervals: [number, number][] = [];
        const seeds = await Promise.all(
          data.seeds.map((_, s) => this.#estimate(cell, s, kernel, intervals)),
        );
        return assembleEvaluation(cell.hash, seeds, data, settings, unionSeconds(intervals));
      }),
    );
    const [nngp, ntk] = byKind as [ArchitectureEvaluation, ArchitectureEvaluation];
    if (!kinds.includes('ntk')) return nngp;
    const { hash: _, ...ntkEvaluation } = ntk;
    return { ...nngp, ntk: ntkEvaluation };
  }

  async #estimate(
    cell: Cell,
    seed: number,
    kernel: KernelKind,
    intervals: [number, number][],
  ): Promise<SeedEstimate> {
    const slot = await this.#acquire();
    const id = this.#nextId++;
    const started = performance.now();
    try {
      return await new Promise<SeedEstimate>((resolve, reject) => {
        const settle = () => {
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
        };
        const onMessage = (message: FromWorker) => {
          if (!('id' in message) || message.id !== id) return;
          settle();
          if (message.type === 'result') resolve(message.estimate);
          else if (message.type === 'error')
            reject(new WorkerError(`${cell.hash}: ${message.message}`));
        };
        const onError = (error: Error) => {
          settle();
          reject(new WorkerError(`${cell.hash}: worker failed: ${error.message}`));
        };
        // A worker that dies (e.g. out of memory) answers nothing: fail its task, retire the slot.
        const onExit = (code: number) => {
          settle();
          slot.dead = true;
          for (const wake of this.#waiting.splice(0)) wake();
          reject(new WorkerError(`${cell.hash}: worker exited with code ${code}`));
        };
        slot.worker.on('message', onMessage);
        slot.worker.once('error', onError);
        slot.worker.once('exit', onExit);
        slot.worker.postMessage({ type: 'seed', id, cell, seed, kernel } satisfies ToWorker);
      });
    } finally {
      intervals.push([started, performance.now()]);
      slot.busy = false;
      this.#waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  async #acquire(): Promise<Slot> {
    for (;;) {
      if (this.#slots.every((s) => s.dead)) throw new WorkerError('every worker has exited');
      const free = this.#slots.find((s) => !s.busy && !s.dead);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }
}

/**
 * Seconds covered by the union of `[start, end]` intervals in milliseconds.
 *
 * @example unionSeconds([[0, 1000], [500, 2000], [3000, 3500]]) // 2.5
 */
export function unionSeconds(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = sorted[0] ?? [0, 0];
  for (const [start, end] of sorted.slice(1)) {
    if (start > to) {
      total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  return (total + to - from) / 1000;
}
