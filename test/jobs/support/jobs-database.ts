import { importRecordFile } from '@nngp-nas/compute/nasbench';
import { type Database, openDatabase } from '@nngp-nas/db';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { createExperiment, type EnqueueCounts, enqueueEvaluations } from '@nngp-nas/server/testing';
import { FIXTURE } from '../../../compute/test/support/fixtures.ts';

/**
 * A network and data small enough that one job takes a few seconds on a loaded 2-core
 * machine, yet long enough for a signal to land mid-job (stem 16, 100/100 images, one seed, on
 * the tfjs engine: onnx finishes such a job in a fraction of a second on an idle machine, before
 * a test can see it mid-job).
 */
export const SMALL_SETTINGS = {
  engine: 'tfjs',
  nTrain: 100,
  nVal: 100,
  ensemble: 1,
  stemChannels: 16,
  configs: [] as { nTrain: number; nVal: number; ensemble: number }[],
};

/**
 * A scratch database with the record fixture's 10,302 architectures: createTestDatabase's
 * (NNGP_TEST_DATABASE_URL's server, else embedded), or a new one on `serverUrl`'s server.
 *
 * @example const database = await jobsDatabase(); … await database.close();
 */
export async function jobsDatabase(serverUrl?: string): Promise<Database> {
  let database: Database;
  if (serverUrl === undefined) database = await createTestDatabase();
  else {
    const admin = await openDatabase({ url: serverUrl, migrate: false, log: () => {} });
    await admin.pool.query('create database nngp_jobs');
    await admin.close();
    const url = new URL(serverUrl);
    url.pathname = '/nngp_jobs';
    database = await openDatabase({ url: url.toString(), log: () => {} });
  }
  await importRecordFile(database, FIXTURE);
  return database;
}

/**
 * Creates an experiment and queues one job per architecture of the first `count` by hash (from
 * `offset`), through the functions the API's createExperiment and enqueueEvaluations run.
 * Returns its id, the hashes and what the enqueue did.
 *
 * @example const { id, hashes } = await experimentWithJobs(database, 'kill', 4);
 */
export async function experimentWithJobs(
  database: Database,
  name: string,
  count: number,
  settings: Record<string, unknown> = SMALL_SETTINGS,
  offset = 0,
): Promise<{ id: number; hashes: string[]; enqueued: EnqueueCounts }> {
  const experiment = await createExperiment(database, { name, ...settings });
  const { rows } = await database.pool.query<{ hash: string }>(
    'select hash from architectures order by hash limit $1 offset $2',
    [count, offset],
  );
  const hashes = rows.map((r) => r.hash);
  const { enqueued, alreadyDone, alreadyQueued } = await enqueueEvaluations(database, {
    experiment: String(experiment.id),
    hashes,
  });
  return { id: experiment.id, hashes, enqueued: { enqueued, alreadyDone, alreadyQueued } };
}

/** A row of graphile-worker's jobs view, as the tests read it. */
export interface JobRow {
  id: string;
  key: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_at: Date | null;
  run_at: Date;
  last_error: string | null;
}

/**
 * The experiment's jobs still in graphile-worker's queue, by key.
 *
 * @example const [job] = await experimentJobs(database, 3);
 */
export async function experimentJobs(database: Database, experimentId: number): Promise<JobRow[]> {
  const { rows } = await database.pool.query<JobRow>(
    `select id::text as id, key, attempts, max_attempts, locked_by, locked_at, run_at, last_error
       from graphile_worker.jobs where key like $1 order by key`,
    [`nngp:${experimentId}:%`],
  );
  return rows;
}

/**
 * How many results each architecture of the experiment has at its largest configuration.
 *
 * @example await resultCounts(database, 3, SMALL_SETTINGS) // Map { '0a1b…' => 1, … }
 */
export async function resultCounts(
  database: Database,
  experimentId: number,
  largest: { nTrain: number; nVal: number; ensemble: number } = SMALL_SETTINGS,
): Promise<Map<string, number>> {
  const { rows } = await database.pool.query<{ module_hash: string; n: number }>(
    `select module_hash, count(*)::int as n from nngp_results
      where experiment_id = $1 and n_train = $2 and n_val = $3 and ensemble = $4
      group by module_hash`,
    [experimentId, largest.nTrain, largest.nVal, largest.ensemble],
  );
  return new Map(rows.map((r) => [r.module_hash, r.n]));
}
