import type { Database } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import type { Job } from 'graphile-worker';
import { QUEUE_SCHEMA } from './queue.ts';

/**
 * Hands a running job back to the queue because its worker stops: unlocked, due now and with
 * the attempt it was on given back (graphile-worker's `force_unlock_workers`, then
 * `reschedule_jobs`, in one transaction so no other worker takes it in between). Only while
 * `job.locked_by` still holds it; a job another worker took meanwhile is left alone. After
 * this, graphile-worker's own fail or complete of the job matches nothing.
 *
 * @example await releaseJob(database, helpers.job);
 */
export async function releaseJob(
  database: Database,
  job: Pick<Job, 'id' | 'attempts' | 'locked_by'>,
): Promise<void> {
  if (job.locked_by === null) return;
  const schema = sql.identifier(QUEUE_SCHEMA);
  await database.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ held: boolean }>(sql`
      select exists (select 1 from ${schema}.jobs where id = ${job.id} and locked_by = ${job.locked_by}) as held`);
    if (!rows[0]?.held) return;
    // One worker runs one job at a time, so unlocking the worker unlocks exactly this job.
    await tx.execute(sql`select ${schema}.force_unlock_workers(array[${job.locked_by}]::text[])`);
    await tx.execute(sql`select 1 from ${schema}.reschedule_jobs(
      array[${job.id}]::bigint[], run_at => now(), attempts => ${Math.max(job.attempts - 1, 0)})`);
  });
}
