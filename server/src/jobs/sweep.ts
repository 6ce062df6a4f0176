import type { Database } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { recordEvaluationFailure } from '../experiments/record-failure.ts';
import { errorMessage } from './error-message.ts';
import { type Heartbeat, WORKER_DEAD_AFTER_MS } from './heartbeat.ts';
import { EVALUATE_TASK, parseEvaluationJobKey, QUEUE_SCHEMA } from './queue.ts';

/** How often a live worker process looks for jobs of dead ones (jittered by ±20 %). */
export const SWEEP_INTERVAL_MS = 5_000;

/** What one sweep did. */
export interface SweepResult {
  /** Workers found dead: their heartbeat went stale, or they never registered one. */
  deadWorkers: { workerId: string; host: string | null; pid: number | null }[];
  /** Jobs unlocked, ready to run again. */
  released: number;
  /** Jobs whose last attempt died with its worker: now failed for good, with that as their error. */
  failedForGood: number;
}

/**
 * Frees the jobs of dead workers: removes workers whose heartbeat is older than `deadAfterMs`,
 * and unlocks (graphile-worker's `force_unlock_workers`) every job locked by one of them or, for
 * longer than `deadAfterMs`, by a worker that never registered. A job that was on its last
 * attempt fails for good (`permanently_fail_jobs`, so a job that kills its worker cannot loop),
 * and its experiment gets the error. One transaction; idempotent, so every live process may run
 * it concurrently: a worker is found dead by one sweep only.
 *
 * @example const { released } = await sweepOrphanedJobs(database);
 */
export async function sweepOrphanedJobs(
  database: Database,
  deadAfterMs = WORKER_DEAD_AFTER_MS,
): Promise<SweepResult> {
  const schema = sql.identifier(QUEUE_SCHEMA);
  const deadAfter = sql`make_interval(secs => ${deadAfterMs / 1000})`;
  const outcome = await database.db.transaction(async (tx) => {
    const { rows: dead } = await tx.execute<DeadWorker>(sql`
      with stale as (
        delete from evaluation_workers where heartbeat_at < now() - ${deadAfter}
        returning worker_id, host, pid
      )
      select worker_id, host, pid from stale
      union
      -- Jobs have no index on locked_by; the scan reads the few thousand rows of a large queue.
      select distinct j.locked_by, null::text, null::int
        from ${schema}.jobs j
       where j.locked_by is not null
         and j.task_identifier = ${EVALUATE_TASK}
         and j.locked_at < now() - ${deadAfter}
         and not exists (select 1 from evaluation_workers w where w.worker_id = j.locked_by)`);
    if (dead.length === 0) return { dead, jobs: [] };
    const ids = sql.param(dead.map((d) => d.worker_id));
    const { rows: jobs } = await tx.execute<LockedJob>(
      sql`select id::text as id, key, locked_by, attempts >= max_attempts as exhausted
            from ${schema}.jobs where locked_by = any(${ids}::text[])`,
    );
    await tx.execute(sql`select ${schema}.force_unlock_workers(${ids}::text[])`);
    for (const job of jobs.filter((j) => j.exhausted)) {
      await tx.execute(sql`select 1 from ${schema}.permanently_fail_jobs(
        array[${job.id}]::bigint[], ${deathMessage(dead, job, deadAfterMs)})`);
    }
    return { dead, jobs };
  });
  const exhausted = outcome.jobs.filter((j) => j.exhausted);
  for (const job of exhausted) {
    const evaluation = job.key === null ? undefined : parseEvaluationJobKey(job.key);
    if (evaluation === undefined) continue;
    const { experimentId, hash } = evaluation;
    await recordEvaluationFailure(
      database.db,
      experimentId,
      hash,
      deathMessage(outcome.dead, job, deadAfterMs),
    );
  }
  return {
    deadWorkers: outcome.dead.map((d) => ({ workerId: d.worker_id, host: d.host, pid: d.pid })),
    released: outcome.jobs.length - exhausted.length,
    failedForGood: exhausted.length,
  };
}

type DeadWorker = {
  worker_id: string;
  host: string | null;
  pid: number | null;
};

type LockedJob = {
  id: string;
  key: string | null;
  locked_by: string;
  exhausted: boolean;
};

function deathMessage(dead: DeadWorker[], job: LockedJob, deadAfterMs: number): string {
  const worker = dead.find((d) => d.worker_id === job.locked_by);
  const where = worker?.host == null ? '' : ` (${worker.host}, pid ${worker.pid})`;
  return `its worker ${job.locked_by}${where} died during the last attempt (no heartbeat for ${deadAfterMs / 1000} s)`;
}

/**
 * Sweeps every SWEEP_INTERVAL_MS while this process's heartbeat has been steady for a whole
 * WORKER_DEAD_AFTER_MS (after an outage, the other live processes first get the time to beat
 * again), logging what it freed. Returns the function that stops it.
 *
 * @example const stopSweeping = startSweeper(database, heartbeat, log);
 */
export function startSweeper(
  database: Database,
  heartbeat: Heartbeat,
  log: (line: string) => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;
  const tick = async () => {
    const since = heartbeat.steadySince();
    if (since !== null && Date.now() - since >= WORKER_DEAD_AFTER_MS) {
      try {
        const result = await sweepOrphanedJobs(database);
        failing = false;
        // Dead workers without jobs (their process stopped while the database was away) are only tidied up.
        if (result.released + result.failedForGood > 0) log(describeSweep(result));
      } catch (error) {
        if (!failing)
          log(`evaluation worker: sweep for jobs of dead workers failed: ${errorMessage(error)}`);
        failing = true;
      }
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(tick, SWEEP_INTERVAL_MS * (0.8 + 0.4 * Math.random()));
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function describeSweep(result: SweepResult): string {
  const workers = result.deadWorkers
    .map((w) => (w.host === null ? w.workerId : `${w.workerId} (${w.host}, pid ${w.pid})`))
    .join(', ');
  const failed =
    result.failedForGood > 0 ? `, ${result.failedForGood} on its last attempt failed for good` : '';
  return `evaluation worker: ${result.deadWorkers.length} dead worker(s) ${workers}: released ${result.released} job(s) to run again${failed}`;
}

/**
 * Unlocks every job the given graphile-worker workers hold (their process lost them), so
 * they run again at once.
 *
 * @example await unlockWorkers(database, ['worker-0a1b…']);
 */
export async function unlockWorkers(database: Database, workerIds: string[]): Promise<void> {
  await database.db.execute(
    sql`select ${sql.identifier(QUEUE_SCHEMA)}.force_unlock_workers(${sql.param(workerIds)}::text[])`,
  );
}
