import path from 'node:path';
import {
  importProxyCsv,
  importRecordFile,
  refreshSizeClusters,
  SHARED_DATA,
} from '@nngp-nas/compute/nasbench';
import { runEvaluation, selectArchitectures } from '@nngp-nas/compute/nngp';
import type { Database } from '@nngp-nas/db';
import { FIXTURE, ZEN_CSV, ZERO_COST_CSV } from '../../../compute/test/support/fixtures.ts';
import { type MnasDashboardData, seedMnasData } from './mnas-data.ts';

/** The one NNGP experiment the dashboard is shown: small enough to run in seconds. */
export const DASHBOARD_EXPERIMENT = {
  name: 'dashboard-fixture',
  architectures: 40,
  largest: { nTrain: 40, nVal: 40, ensemble: 2 },
  configs: [{ nTrain: 20, nVal: 40, ensemble: 1 }],
  shape: { stemChannels: 8, stacks: 1, modulesPerStack: 1 },
  dataset: [path.join(SHARED_DATA, 'cifar10/data_batch_1_first4000.bin')],
} as const;

export interface DashboardData extends MnasDashboardData {
  /** The experiment's id (as the API and the /experiments/[id] route spell it). */
  experimentId: string;
  /** Its architectures, each with a result for both configurations. */
  experimentHashes: string[];
}

/**
 * Fills an empty database with what the dashboard shows in tests and screenshots: the record
 * fixture (10,302 modules, 4/12/36/108 epochs), both proxy CSVs, the default size clusters, and
 * one real NNGP experiment (two configurations) over 40 fixture architectures spread over the
 * size clusters and residual-connection counts; and a real MNAS experiment with imported
 * measurements (seedMnasData).
 *
 * @example const { experimentId } = await seedDashboardData(await createTestDatabase());
 */
export async function seedDashboardData(database: Database): Promise<DashboardData> {
  await importRecordFile(database, FIXTURE);
  await importProxyCsv(database, ZEN_CSV);
  await importProxyCsv(database, ZERO_COST_CSV);
  await refreshSizeClusters(database.pool);

  const hashes = await spreadArchitectures(database, DASHBOARD_EXPERIMENT.architectures);
  const cells = await selectArchitectures(database, hashes.join(','), 0);
  const run = await runEvaluation(database, {
    cells,
    largest: DASHBOARD_EXPERIMENT.largest,
    configs: [...DASHBOARD_EXPERIMENT.configs],
    seed: 0,
    shape: DASHBOARD_EXPERIMENT.shape,
    dataset: [...DASHBOARD_EXPERIMENT.dataset],
    backend: undefined,
    workers: 2,
    experiment: DASHBOARD_EXPERIMENT.name,
    retention: 'all',
    precision: 'float32',
    bnBatchSize: 128,
    batchSize: 50,
  });
  if (run.failures.length > 0) {
    throw new Error(`NNGP evaluation failed: ${run.failures.map((f) => f.message).join('; ')}`);
  }
  const { rows } = await database.pool.query<{ id: number }>(
    'SELECT id FROM nngp_experiments WHERE name = $1',
    [DASHBOARD_EXPERIMENT.name],
  );
  return {
    experimentId: String(rows[0]?.id),
    experimentHashes: hashes,
    ...(await seedMnasData(database)),
  };
}

/**
 * `count` architectures taken round-robin over every (size cluster, residual-connection count)
 * pair, so that each filter the tests apply still finds some of the experiment's.
 */
async function spreadArchitectures(database: Database, count: number): Promise<string[]> {
  const { rows } = await database.pool.query<{ hash: string }>(
    `SELECT hash FROM (
       SELECT hash, size_cluster, residual_connections,
              row_number() OVER (PARTITION BY size_cluster, residual_connections ORDER BY hash) AS turn
         FROM architectures) AS ranked
      ORDER BY turn, size_cluster, residual_connections, hash
      LIMIT $1`,
    [count],
  );
  return rows.map((r) => r.hash);
}
