import { completingKernel } from '@nngp-nas/compute/nngp/settings';
import {
  architectures,
  type Db,
  type KernelKind,
  nngpExperiments,
  nngpResults,
} from '@nngp-nas/db';
import { eq, type SQL, sql } from 'drizzle-orm';
import { EVALUATE_TASK, evaluationJobKeyPrefix, MAX_ATTEMPTS, QUEUE_SCHEMA } from './queue.ts';

/** What one enqueue did with the architectures it selected. */
export interface EnqueueCounts {
  enqueued: number;
  alreadyDone: number;
  alreadyQueued: number;
}

/**
 * An experiment's largest configuration and kernels: a result there, of its completing kernel
 * (compute's completingKernel), means the architecture is done.
 */
export interface LargestConfig {
  nTrain: number;
  nVal: number;
  ensemble: number;
  kernels?: KernelKind[];
}

/**
 * Queues one evaluation job per architecture passing `where` (the first `limit` by hash, or by
 * `order`, e.g. compute/predictors' `seededArchitectureOrder`),
 * skipping those with a result at the largest configuration (alreadyDone) and those whose job is
 * waiting or running (alreadyQueued), and clears the experiment's cancellation. One transaction
 * and one bulk call of graphile-worker's `add_jobs`, so 50,000 jobs take one round trip; a job
 * that failed for good is queued afresh (add_jobs resets it through its job key).
 *
 * @example await enqueueEvaluationJobs(db, 3, largest, inArray(architectures.hash, hashes), 50_000)
 */
export async function enqueueEvaluationJobs(
  db: Db,
  experimentId: number,
  largest: LargestConfig,
  where: SQL | undefined,
  limit: number,
  order?: SQL,
): Promise<EnqueueCounts> {
  const prefix = evaluationJobKeyPrefix(experimentId);
  const schema = sql.identifier(QUEUE_SCHEMA);
  return db.transaction(async (tx) => {
    await tx
      .update(nngpExperiments)
      .set({ cancelledAt: null })
      .where(eq(nngpExperiments.id, experimentId));
    const result = await tx.execute<{
      enqueued: number;
      already_done: number;
      already_queued: number;
    }>(sql`
      with selected as (
        select ${architectures.hash} as hash from ${architectures}
         where ${where ?? sql`true`}
         order by ${order ?? architectures.hash}
         limit ${limit}
      ),
      classified as (
        -- Joins rather than per-row EXISTS: the planner hashes both sides (twice as fast at 50,000).
        select s.hash, r.module_hash is not null as done, j.id is not null as queued
          from selected s
          left join ${nngpResults} r
            on r.experiment_id = ${experimentId} and r.module_hash = s.hash
           and r.n_train = ${largest.nTrain} and r.n_val = ${largest.nVal}
           and r.ensemble = ${largest.ensemble} and r.kind = ${completingKernel(largest)}
          left join ${schema}.jobs j
            on j.key = ${prefix} || s.hash
           and (j.locked_at is not null or j.attempts < j.max_attempts)
      ),
      specs as (
        select array(
          select row(${EVALUATE_TASK}::text,
                     json_build_object('experimentId', ${experimentId}::int, 'hash', c.hash),
                     null, null, ${MAX_ATTEMPTS}::int, ${prefix} || c.hash, null, null
                 )::${schema}.job_spec
            from classified c
           where not c.done and not c.queued
           order by c.hash
        ) as list
      )
      select case when cardinality(specs.list) = 0 then 0
                  else (select count(*) from ${schema}.add_jobs(specs.list))
             end::int as enqueued,
             (select count(*) from classified where done)::int as already_done,
             (select count(*) from classified where queued and not done)::int as already_queued
        from specs
    `);
    const [row] = result.rows;
    return {
      enqueued: Number(row?.enqueued ?? 0),
      alreadyDone: Number(row?.already_done ?? 0),
      alreadyQueued: Number(row?.already_queued ?? 0),
    };
  });
}
