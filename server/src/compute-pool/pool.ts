import { Worker } from 'node:worker_threads';
import { MetricsInputError } from '@nngp-nas/compute/metrics';
import { type AnalysisBudget, remainingMs } from './budget.ts';
import { analysisTimeout, analysisTooLarge } from './errors.ts';
import type { ResultMessage, TaskMessage } from './protocol.ts';
import type { TaskInput, TaskName, TaskOutput } from './tasks.ts';

/** A worker with nothing to do for this long is stopped (its memory given back); the next task starts one. */
export const IDLE_WORKER_MS = 30_000;
/** How often the process' resident memory is checked while tasks run. */
const MEMORY_CHECK_MS = 100;

interface Job {
  id: number;
  message: TaskMessage;
  transfer: ArrayBuffer[];
  budget: AnalysisBudget;
  resolve(output: unknown): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  worker: Worker;
  job?: Job | undefined;
  idle?: NodeJS.Timeout | undefined;
}

/**
 * Up to `size` worker threads computing analysis tasks (tasks.ts), one task each at a time, in
 * arrival order. Each task carries its analysis' deadline: one still waiting then is dropped,
 * one running then has its worker terminated (the only way to stop synchronous code), and either
 * fails with ANALYSIS_TIMEOUT. A worker that runs out of its heap (`heapMb`) fails its task with
 * ANALYSIS_TOO_LARGE; the event loop, and the other workers, never notice. Workers start on
 * demand and stop after {@link IDLE_WORKER_MS} idle. With `rssLimitMb`, running tasks also fail
 * with ANALYSIS_TOO_LARGE when the process' resident memory passes it (typed arrays are not on
 * the heap `heapMb` caps).
 *
 * @example
 * const pool = new AnalysisPool({ size: 1, heapMb: 384 });
 * const rows = await pool.run('residualBias', input, budgetFrom('residualBias', 15_000));
 */
export class AnalysisPool {
  readonly #size: number;
  readonly #heapMb: number;
  readonly #rssLimitBytes: number;
  #watchdog: NodeJS.Timeout | undefined;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  #nextId = 0;

  constructor(options: { size: number; heapMb: number; rssLimitMb?: number }) {
    this.#size = options.size;
    this.#heapMb = options.heapMb;
    this.#rssLimitBytes = (options.rssLimitMb ?? Number.POSITIVE_INFINITY) * 1024 * 1024;
  }

  /** Tasks waiting for a worker. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Workers started (busy or idle). */
  get workers(): number {
    return this.#slots.size;
  }

  /**
   * Runs `task` on `input` in a worker; `transfer` lists buffers of `input` to move rather than copy.
   */
  run<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    budget: AnalysisBudget,
    transfer: ArrayBuffer[] = [],
  ): Promise<TaskOutput<N>> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const job: Job = {
        id,
        message: { id, task, input },
        transfer,
        budget,
        resolve: resolve as (output: unknown) => void,
        reject,
        timer: setTimeout(() => this.#expire(job), remainingMs(budget)),
      };
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /** Stops every worker; tasks still waiting or running fail. */
  async close(): Promise<void> {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
    const slots = [...this.#slots];
    for (const job of this.#queue.splice(0)) this.#settle(job, new Error('analysis pool closed'));
    await Promise.all(slots.map((slot) => this.#retire(slot, new Error('analysis pool closed'))));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = [...this.#slots].find((s) => s.job === undefined);
      if (slot === undefined && this.#slots.size < this.#size) slot = this.#start();
      if (slot === undefined) return;
      const job = this.#queue.shift() as Job;
      clearTimeout(slot.idle);
      slot.job = job;
      job.slot = slot;
      // Held open only while working: an idle worker must not keep a finished process alive.
      slot.worker.ref();
      slot.worker.postMessage(job.message, job.transfer);
      this.#watch();
    }
  }

  /**
   * While tasks run, checks the process' resident memory: typed arrays live outside the V8 heap
   * that `heapMb` caps, so a computation could otherwise grow the process without bound. Over
   * `rssLimitMb`, every running task fails with ANALYSIS_TOO_LARGE and its worker goes.
   */
  #watch(): void {
    if (this.#watchdog !== undefined || !Number.isFinite(this.#rssLimitBytes)) return;
    this.#watchdog = setInterval(() => {
      const busy = [...this.#slots].filter((s) => s.job !== undefined);
      if (busy.length === 0) {
        clearInterval(this.#watchdog);
        this.#watchdog = undefined;
        return;
      }
      if (process.memoryUsage.rss() <= this.#rssLimitBytes) return;
      for (const slot of busy) {
        const job = slot.job as Job;
        void this.#retire(slot, analysisTooLarge(job.budget.field, this.#heapMb));
      }
    }, MEMORY_CHECK_MS).unref();
  }

  #start(): Slot {
    const worker = new Worker(new URL('./analysis-worker-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.#heapMb },
    });
    const slot: Slot = { worker };
    worker.on('message', (message: ResultMessage) => this.#answer(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job;
      if (job === undefined) return;
      this.#settle(
        job,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? analysisTooLarge(job.budget.field, this.#heapMb)
          : new Error(`${job.budget.field}: analysis worker failed: ${error.message}`),
      );
    });
    worker.on('exit', (code) => {
      this.#slots.delete(slot);
      if (slot.job !== undefined)
        this.#settle(
          slot.job,
          new Error(`${slot.job.budget.field}: analysis worker exited with code ${code}`),
        );
      this.#dispatch();
    });
    this.#slots.add(slot);
    return slot;
  }

  #answer(slot: Slot, message: ResultMessage): void {
    const job = slot.job;
    if (job === undefined || job.id !== message.id) return;
    this.#settle(job, message.ok ? undefined : rebuildError(job.budget, message.error), message);
    slot.job = undefined;
    slot.worker.unref();
    slot.idle = setTimeout(() => void this.#retire(slot), IDLE_WORKER_MS).unref();
    this.#dispatch();
  }

  #expire(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    const { slot } = job;
    this.#settle(job, analysisTimeout(job.budget.field, job.budget.timeoutMs));
    // Synchronous code cannot be interrupted: the worker goes, a fresh one takes the next task.
    if (slot !== undefined) void this.#retire(slot);
  }

  async #retire(slot: Slot, error?: Error): Promise<void> {
    clearTimeout(slot.idle);
    this.#slots.delete(slot);
    if (slot.job !== undefined && error !== undefined) this.#settle(slot.job, error);
    slot.job = undefined;
    await slot.worker.terminate();
    this.#dispatch();
  }

  /** Resolves (no error) or rejects `job` once; later answers for it are ignored. */
  #settle(job: Job, error: unknown, message?: ResultMessage): void {
    clearTimeout(job.timer);
    if (job.slot?.job === job) job.slot.job = undefined;
    const settle = job.resolve;
    job.resolve = () => {};
    const fail = job.reject;
    job.reject = () => {};
    if (error !== undefined) fail(error);
    else if (message?.ok) settle(message.output);
  }
}

/** A worker's error as the main thread's: compute's input errors keep their class (they become BAD_USER_INPUT). */
function rebuildError(
  budget: AnalysisBudget,
  error: Extract<ResultMessage, { ok: false }>['error'],
): Error {
  if (error.name === 'MetricsInputError' && error.field !== undefined)
    return new MetricsInputError(error.field, error.problem ?? error.message);
  return new Error(`${budget.field}: ${error.name}: ${error.message}`);
}
