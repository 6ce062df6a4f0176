import type { Queryable } from '@nngp-nas/db';

/**
 * Stores an NNGP experiment row directly (no evaluation), with `nngp evaluate`'s settings at
 * 100/200 × 2 unless `overrides` says otherwise; for tests that then insert results by SQL.
 *
 * @example const id = await storeExperimentRow(database.pool, 'probe', { stemChannels: 16 });
 */
export async function storeExperimentRow(
  db: Queryable,
  name: string,
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const config = {
    nTrain: 100,
    nVal: 200,
    ensemble: 2,
    seed: 0,
    stemChannels: 128,
    stacks: 3,
    modulesPerStack: 3,
    dataset: 'cifar10',
    bnBatchSize: 128,
    configs: [],
    ...overrides,
  };
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO nngp_experiments (name, config) VALUES ($1, $2) RETURNING id',
    [name, JSON.stringify(config)],
  );
  return rows[0]?.id as number;
}
