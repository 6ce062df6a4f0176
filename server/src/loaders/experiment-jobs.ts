import type { Db } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { EVALUATE_TASK, QUEUE_SCHEMA } from '../jobs/queue.ts';

/** An experiment's evaluation jobs in graphile-worker's queue. */
export interface ExperimentJobCounts {
  /** Waiting (including retries not yet due) or running. */
  queued: number;
  /** Locked by a worker. */
  running: number;
  /** Whose last attempt failed and that no worker holds (waiting to retry, or out of attempts). */
  failed: number;
  /** Out of attempts and held by no worker: failed for good. */
  failedForGood: number;
}

const NONE: ExperimentJobCounts = { queued: 0, running: 0, failed: 0, failedForGood: 0 };
/** Postgres "undefined_table": the queue's schema is not installed yet, so there are no jobs. */
const UNDEFINED_TABLE = '42P01';

/**
 * Job counts per experiment id, read from graphile-worker's public `jobs` view (the experiment
 * is the second part of the job key `nngp:<id>:<hash>`): one grouped query for every
 * experiment a request lists.
 *
 * @example (await createExperimentJobsLoader(db).load(3)).queued
 */
export function createExperimentJobsLoader(db: Db): DataLoader<number, ExperimentJobCounts> {
  return new DataLoader(async (ids) => {
    type Row = {
      id: string;
      queued: number;
      running: number;
      failed: number;
      failed_for_good: number;
    };
    let rows: Row[];
    try {
      ({ rows } = await db.execute<Row>(
        sql`
        select split_part(key, ':', 2) as id,
               (count(*) filter (where locked_at is not null or attempts < max_attempts))::int as queued,
               (count(*) filter (where locked_at is not null))::int as running,
               (count(*) filter (where last_error is not null and locked_at is null))::int as failed,
               (count(*) filter (where locked_at is null and attempts >= max_attempts))::int as failed_for_good
          from ${sql.identifier(QUEUE_SCHEMA)}.jobs
         where task_identifier = ${EVALUATE_TASK}
           and split_part(key, ':', 1) = 'nngp'
           and split_part(key, ':', 2) = any(${sql.param(ids.map(String))}::text[])
         group by 1`,
      ));
    } catch (error) {
      if (postgresCode(error) === UNDEFINED_TABLE) return ids.map(() => NONE);
      throw error;
    }
    const byId = new Map(rows.map((row) => [Number(row.id), row] as const));
    return ids.map((id) => {
      const row = byId.get(id);
      return row === undefined
        ? NONE
        : {
            queued: Number(row.queued),
            running: Number(row.running),
            failed: Number(row.failed),
            failedForGood: Number(row.failed_for_good),
          };
    });
  });
}

/** The SQLSTATE of a Postgres error, which Drizzle wraps as the `cause` of its own. */
function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
