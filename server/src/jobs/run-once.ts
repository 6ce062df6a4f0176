import type { Database } from '@nngp-nas/db';
import { runOnce } from 'graphile-worker';
import { graphileLogger } from './logger.ts';
import { jobQueue, QUEUE_SCHEMA } from './queue.ts';
import { evaluationTasks } from './tasks.ts';

/**
 * Runs every evaluation job that is due, one at a time, then returns (`pnpm worker --once`;
 * retries scheduled for later stay queued).
 *
 * @example await runDueEvaluations(database, { log });
 */
export async function runDueEvaluations(
  database: Database,
  options: { log: (line: string) => void },
): Promise<void> {
  await jobQueue(database, options.log);
  await runOnce(
    {
      pgPool: database.pool,
      schema: QUEUE_SCHEMA,
      noHandleSignals: true,
      logger: graphileLogger(options.log),
    },
    evaluationTasks(database),
  );
}
