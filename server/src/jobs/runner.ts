import type { Database } from '@nngp-nas/db';
import { type Runner, run } from 'graphile-worker';
import { graphileLogger } from './logger.ts';
import { jobQueue, QUEUE_SCHEMA } from './queue.ts';
import { evaluationTasks } from './tasks.ts';

export interface EvaluationWorkerOptions {
  log: (line: string) => void;
  /** Jobs run at once; default 1 (each evaluation already uses one worker thread). */
  concurrency?: number;
}

/**
 * Starts a graphile-worker runner over the database's pool that runs evaluation jobs until
 * `stop()`. Signals are left to the caller (register `stop` with `onShutdown`): on stop, a
 * running job gets two seconds, then is aborted and released for a later retry.
 *
 * @example const runner = await startEvaluationWorker(database, { log }); onShutdown(() => runner.stop());
 */
export async function startEvaluationWorker(
  database: Database,
  options: EvaluationWorkerOptions,
): Promise<Runner> {
  await jobQueue(database, options.log);
  return run({
    pgPool: database.pool,
    schema: QUEUE_SCHEMA,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    gracefulShutdownAbortTimeout: 2_000,
    logger: graphileLogger(options.log),
    taskList: evaluationTasks(database),
    // No cron: without this graphile-worker looks for a crontab file in the working directory.
    parsedCronItems: [],
  });
}
