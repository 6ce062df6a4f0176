import type { Database } from '@nngp-nas/db';
import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import { graphileLogger } from './logger.ts';

/** The graphile-worker task that evaluates one architecture in one experiment. */
export const EVALUATE_TASK = 'nngp-evaluate';
/** Attempts per job before it counts as failed (retries back off exponentially). */
export const MAX_ATTEMPTS = 3;
/** Postgres schema graphile-worker installs itself into (its default). */
export const QUEUE_SCHEMA = 'graphile_worker';

/** What an evaluation job carries. */
export interface EvaluatePayload {
  experimentId: number;
  hash: string;
}

/**
 * The job key of one (experiment, architecture): graphile-worker keeps at most one pending job
 * per key, so queueing an architecture twice updates the first job instead of adding a second.
 *
 * @example evaluationJobKey(3, '28cfc7874f6d200472e1a9dcd8650aa0') // 'nngp:3:28cfc787…'
 */
export function evaluationJobKey(experimentId: number, hash: string): string {
  return `${evaluationJobKeyPrefix(experimentId)}${hash}`;
}

/**
 * The key prefix shared by an experiment's jobs (how jobs are counted and removed per
 * experiment: graphile-worker's public `jobs` view has the key but not the payload).
 *
 * @example evaluationJobKeyPrefix(3) // 'nngp:3:'
 */
export function evaluationJobKeyPrefix(experimentId: number): string {
  return `nngp:${experimentId}:`;
}

/**
 * The experiment and architecture of an evaluation job key; undefined for any other key.
 *
 * @example parseEvaluationJobKey('nngp:3:28cfc7874f6d200472e1a9dcd8650aa0') // { experimentId: 3, hash: '28cfc787…' }
 */
export function parseEvaluationJobKey(key: string): EvaluatePayload | undefined {
  const match = /^nngp:(\d+):([0-9a-f]{32})$/.exec(key);
  return match === null ? undefined : { experimentId: Number(match[1]), hash: match[2] as string };
}

const queues = new WeakMap<Database['pool'], Promise<WorkerUtils>>();

/**
 * graphile-worker's utilities over the database's pool, its schema installed or upgraded first;
 * once per pool (later calls share the first one's promise).
 *
 * @example const queue = await jobQueue(database); await queue.completeJobs(ids);
 */
export function jobQueue(
  database: Pick<Database, 'pool'>,
  log: (line: string) => void = () => {},
): Promise<WorkerUtils> {
  let queue = queues.get(database.pool);
  if (queue === undefined) {
    queue = (async () => {
      const utils = await makeWorkerUtils({
        pgPool: database.pool,
        schema: QUEUE_SCHEMA,
        logger: graphileLogger(log),
      });
      await utils.migrate();
      return utils;
    })();
    // A failed install (database down) must not stick: the next call tries again.
    queue.catch(() => queues.delete(database.pool));
    queues.set(database.pool, queue);
  }
  return queue;
}
