import type { ExperimentConfig } from '@nngp-nas/db';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentConflictError, ensureExperiment } from '../../src/nngp/store/index.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const CONFIG: ExperimentConfig = {
  nTrain: 100,
  nVal: 200,
  ensemble: 2,
  seed: 0,
  stemChannels: 16,
  stacks: 3,
  modulesPerStack: 3,
  dataset: 'cifar10',
  bnBatchSize: 128,
  configs: [],
};

describe('ensureExperiment', () => {
  it('creates once, then finds the experiment without spending ids, and grows its configurations', async () => {
    const first = await ensureExperiment(database.pool, 'dense-a', CONFIG, 'none', 'float32');
    // Every job of an experiment ensures it: those calls must not consume the id sequence.
    for (let i = 0; i < 20; i++)
      expect((await ensureExperiment(database.pool, 'dense-a', CONFIG, 'none', 'float32')).id).toBe(
        first.id,
      );
    const grown = await ensureExperiment(
      database.pool,
      'dense-a',
      { ...CONFIG, configs: [{ nTrain: 100, nVal: 100, ensemble: 1 }] },
      'none',
      'float32',
    );
    expect(grown.config.configs).toEqual([{ nTrain: 100, nVal: 100, ensemble: 1 }]);
    const next = await ensureExperiment(database.pool, 'dense-b', CONFIG, 'none', 'float32');
    expect(next.id).toBe(first.id + 1);
  });

  it('refuses other kernel settings under the same name, naming them', async () => {
    await expect(
      ensureExperiment(database.pool, 'dense-a', { ...CONFIG, seed: 5 }, 'none', 'float32'),
    ).rejects.toThrow(ExperimentConflictError);
    await expect(
      ensureExperiment(database.pool, 'dense-a', CONFIG, 'all', 'float32'),
    ).rejects.toThrow('retention none (stored) vs all');
  });

  it('creates each experiment once when several processes race for it', async () => {
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        ensureExperiment(database.pool, 'dense-race', CONFIG, 'none', 'float32'),
      ),
    );
    expect(new Set(racing.map((e) => e.id)).size).toBe(1);
  });
});
