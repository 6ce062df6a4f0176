import { EventEmitter } from 'node:events';
import type { Database } from '@nngp-nas/db';
import { type Runner, run, type WorkerEvents } from 'graphile-worker';
import { errorMessage } from './error-message.ts';
import { startHeartbeat } from './heartbeat.ts';
import { graphileLogger } from './logger.ts';
import { jobQueue, QUEUE_SCHEMA } from './queue.ts';
import { startSweeper, unlockWorkers } from './sweep.ts';
import { evaluationTasks } from './tasks.ts';
import { untilDatabaseAnswers } from './until-database-answers.ts';

export interface EvaluationWorkerOptions {
  log: (line: string) => void;
  /** Jobs run at once; default 1 (each evaluation already uses one worker thread). */
  concurrency?: number;
}

/** A running evaluation worker: graphile-worker's runner, kept alive across database outages. */
export interface EvaluationWorker {
  /** graphile-worker's events (job:start, job:complete, …) of every runner it has started. */
  events: WorkerEvents;
  /** Settles when the worker has stopped (stop(), or graphile-worker shutting itself down). */
  promise: Promise<void>;
  /** Releases running jobs to run again at once (attempt not counted), then stops. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a graphile-worker runner over the database's pool that runs evaluation jobs until
 * `stop()`, `concurrency` at a time. Signals are left to the caller (register `stop` with
 * `onShutdown`). Its workers beat in `evaluation_workers`, and it sweeps the jobs of workers
 * that died (SIGKILL, a lost machine) back into the queue. graphile-worker 0.16.6 drops a worker
 * for good when the database fails while it finishes a job (graphile/worker#592): this one
 * then waits until the database answers and starts a fresh runner, so it resumes by itself.
 *
 * @example const worker = await startEvaluationWorker(database, { log }); onShutdown(() => worker.stop());
 */
export async function startEvaluationWorker(
  database: Database,
  options: EvaluationWorkerOptions,
): Promise<EvaluationWorker> {
  const { log } = options;
  await jobQueue(database, log);
  const events = new EventEmitter() as WorkerEvents;
  const heartbeat = startHeartbeat(database, events, log);
  const stopSweeping = startSweeper(database, heartbeat, log);
  const stopping = new AbortController();
  let resolveStopped = () => {};
  const promise = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  /** One graphile-worker runner; its own abort releases its jobs when it is replaced. */
  interface Generation {
    runner: Runner;
    /** Aborted when this runner is replaced: its running jobs are released. */
    abort: AbortController;
    lost: Set<string>;
  }
  const startGeneration = async (): Promise<Generation> => {
    const abort = new AbortController();
    const runner = await run({
      pgPool: database.pool,
      schema: QUEUE_SCHEMA,
      concurrency: options.concurrency ?? 1,
      noHandleSignals: true,
      // A backstop only: stop() releases running jobs itself, at once.
      gracefulShutdownAbortTimeout: 2_000,
      logger: graphileLogger(log),
      events,
      taskList: evaluationTasks(database, {
        signal: AbortSignal.any([abort.signal, stopping.signal]),
      }),
      // No cron: without this graphile-worker looks for a crontab file in the working directory.
      parsedCronItems: [],
    });
    const generation: Generation = { runner, abort, lost: new Set() };
    const ownEnd = () => !abort.signal.aborted && !stopping.signal.aborted;
    runner.promise.then(
      () => {
        // graphile-worker shut itself down (a breaking migration of its schema): so do we.
        if (ownEnd()) void stop();
      },
      (error: unknown) => {
        if (ownEnd()) void replace(`its runner failed: ${errorMessage(error)}`);
      },
    );
    return generation;
  };

  let current: Generation = await startGeneration();
  let replacing: Promise<void> | undefined;

  const replace = (why: string): Promise<void> => {
    replacing ??= (async () => {
      log(`evaluation worker: ${why}; restarting its runner once the database answers`);
      for (;;) {
        await untilDatabaseAnswers(database, stopping.signal);
        if (stopping.signal.aborted) return;
        try {
          await replaceGeneration();
          log('evaluation worker: resumed');
          return;
        } catch (error) {
          log(`evaluation worker: restarting failed (${errorMessage(error)}); trying again`);
        }
      }
    })().finally(() => {
      replacing = undefined;
      // A worker of the new runner lost while this one started: replace that one too.
      if (current.lost.size > 0 && !stopping.signal.aborted) void replace('lost another worker');
    });
    return replacing;
  };

  const replaceGeneration = async () => {
    const old = current;
    old.abort.abort();
    await old.runner.stop().catch(() => {});
    // A lost worker's job stays locked by it: free it now rather than at the next sweep.
    if (old.lost.size > 0) await unlockWorkers(database, [...old.lost]);
    current = await startGeneration();
  };

  events.on('worker:stop', ({ worker, error }) => {
    if (error === undefined || stopping.signal.aborted) return;
    current.lost.add(worker.workerId);
    void replace(`lost worker ${worker.workerId} (${errorMessage(error)})`);
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping.abort();
      stopSweeping();
      await replacing;
      // stop() only throws when the runner already stopped itself.
      await current.runner.stop().catch(() => {});
      await heartbeat.stop();
      resolveStopped();
    })();
    return stopped;
  };

  return { events, promise, stop };
}
