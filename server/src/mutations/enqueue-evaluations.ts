import { searchSpaceOf, seededArchitectureOrder } from '@nngp-nas/compute/predictors';
import { architectures, type Database, type NngpExperimentRow } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { architectureCondition } from '../architectures/filter.ts';
import { isModuleHash } from '../architectures/hash.ts';
import { checkSizeClustersExist } from '../architectures/size-cluster-ids.ts';
import { badUserInput, clientValue } from '../errors.ts';
import type { MutationEnqueueEvaluationsArgs } from '../generated/resolvers-types.ts';
import { type EnqueueCounts, enqueueEvaluationJobs } from '../jobs/enqueue.ts';
import { jobQueue } from '../jobs/queue.ts';
import { experimentToChange } from './find-experiment.ts';

/** Default and largest number of architectures one call queues. */
export const MAX_ENQUEUE = 50_000;

/**
 * enqueueEvaluations: the architectures of `filter` or `hashes` (exactly one of them; the first
 * `limit` by hash, or with `seed` in compute's seeded random order md5(seed || hash), as
 * `nngp evaluate --archs filter:…` takes them), each queued as one graphile-worker job unless done or already queued.
 * Bad arguments are BAD_USER_INPUT naming the argument; nothing is queued then.
 *
 * @example await enqueueEvaluations(database, { experiment: '3', filter: { sizeClusters: [0] }, limit: 1000 })
 */
export async function enqueueEvaluations(
  database: Database,
  args: MutationEnqueueEvaluationsArgs,
): Promise<EnqueueCounts & { experiment: NngpExperimentRow }> {
  const { db } = database;
  const experiment = await experimentToChange(db, args.experiment, 'experiment');
  const limit = args.limit ?? MAX_ENQUEUE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ENQUEUE) {
    throw badUserInput(`limit must be between 1 and ${MAX_ENQUEUE}, got ${limit}`, 'limit');
  }
  if ((args.filter == null) === (args.hashes == null)) {
    throw badUserInput(
      'give exactly one of filter and hashes',
      args.filter == null ? 'filter' : 'hashes',
    );
  }
  // The queue's workers build NAS-Bench-101 cells on CIFAR-10; MNAS runs from the CLI.
  const mnasRun = 'evaluate MNAS networks with pnpm nngp mnas evaluate --experiment NAME';
  if (experiment.config.space === 'mnas')
    throw badUserInput(
      `experiment ${experiment.id} is an MNAS experiment: the queue evaluates NAS-Bench-101 cells; ${mnasRun}`,
      'experiment',
    );
  if (args.filter != null) {
    if (searchSpaceOf(args.filter) !== 'nasbench101')
      throw badUserInput(
        `filter.space: the queue evaluates NAS-Bench-101 cells; ${mnasRun}`,
        'filter',
        'space',
      );
    await checkSizeClustersExist(db, args.filter.sizeClusters ?? [], 'filter');
  }
  const where =
    args.hashes != null
      ? await hashCondition(database, args.hashes)
      : architectureCondition(db, args.filter);
  const order = args.seed == null ? undefined : seededArchitectureOrder(args.seed);
  await jobQueue(database);
  const counts = await enqueueEvaluationJobs(
    db,
    experiment.id,
    experiment.config,
    where,
    limit,
    order,
  );
  // The enqueue cleared any cancellation; the rest of the row is unchanged.
  return { ...counts, experiment: { ...experiment, cancelledAt: null } };
}

/** `hashes` as a condition, after checking each names a stored architecture. */
async function hashCondition(database: Database, hashes: readonly string[]) {
  const wanted = [...new Set(hashes)];
  if (wanted.length === 0) throw badUserInput('hashes is empty', 'hashes');
  if (wanted.length > MAX_ENQUEUE) {
    throw badUserInput(`at most ${MAX_ENQUEUE} hashes, got ${wanted.length}`, 'hashes');
  }
  const malformed = wanted.find((h) => !isModuleHash(h));
  if (malformed !== undefined) {
    throw badUserInput(
      `${clientValue(malformed)} is not a module hash (32 lowercase hex digits)`,
      'hashes',
    );
  }
  const param = sql.param(wanted);
  const { rows } = await database.db.execute<{ hash: string }>(sql`
    select h as hash from unnest(${param}::text[]) as h
     where not exists (select 1 from ${architectures} where ${architectures.hash} = h)`);
  if (rows.length > 0) {
    const shown = rows.slice(0, 5).map((r) => r.hash);
    throw badUserInput(
      `unknown architecture${rows.length > 1 ? 's' : ''} ${shown.join(', ')}${rows.length > 5 ? `, … (${rows.length} in all)` : ''}`,
      'hashes',
    );
  }
  return sql`${architectures.hash} = any(${param}::text[])`;
}
