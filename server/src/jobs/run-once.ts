import { EventEmitter } from 'node:events';
import type { Database } from '@nngp-nas/db';
import { runOnce, type WorkerEvents } from 'graphile-worker';
import { startHeartbeat } from './heartbeat.ts';
import { graphileLogger } from './logger.ts';
import { jobQueue, QUEUE_SCHEMA } from './queue.ts';
import { evaluationTasks } from './tasks.ts';

/**
 * Runs every evaluation job that is due, one at a time, then returns (`pnpm worker --once`;
 * retries scheduled for later stay queued). Its worker beats like a long-running one, so no
 * other process's sweep takes its job away.
 *
 * @example await runDueEvaluations(database, { log });
 */
export async function runDueEvaluations(
  database: Database,
  options: { log: (line: string) => void },
): Promise<void> {
  await jobQueue(database, options.log);
  const events = new EventEmitter() as WorkerEvents;
  const heartbeat = startHeartbeat(database, events, options.log);
  try {
    await runOnce(
      {
        pgPool: database.pool,
        schema: QUEUE_SCHEMA,
        noHandleSignals: true,
        logger: graphileLogger(options.log),
        events,
      },
      evaluationTasks(database),
    );
  } finally {
    await heartbeat.stop();
  }
}
