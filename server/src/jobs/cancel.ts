import type { Database } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { EVALUATE_TASK, evaluationJobKeyPrefix, jobQueue, QUEUE_SCHEMA } from './queue.ts';

/**
 * Removes an experiment's jobs that wait to run (none locked by a worker; running jobs finish,
 * and their retries stop at the task's cancellation check) through graphile-worker's
 * `completeJobs`, which skips any job a worker locked meanwhile. Returns how many were removed.
 *
 * @example const removed = await removeQueuedJobs(database, 3);
 */
export async function removeQueuedJobs(database: Database, experimentId: number): Promise<number> {
  const queue = await jobQueue(database);
  const { rows } = await database.db.execute<{ id: string }>(sql`
    select id::text as id from ${sql.identifier(QUEUE_SCHEMA)}.jobs
     where task_identifier = ${EVALUATE_TASK}
       and starts_with(key, ${evaluationJobKeyPrefix(experimentId)})
       and locked_at is null and attempts < max_attempts`);
  if (rows.length === 0) return 0;
  const removed = await queue.completeJobs(rows.map((r) => r.id));
  return removed.length;
}
