import type { Database } from '@nngp-nas/db';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixFromText } from '../../src/nasbench/matrix.ts';
import type { Operation } from '../../src/nasbench/operations.ts';
import { importRecordFile } from '../../src/nasbench/store/index.ts';
import { runEvaluation } from '../../src/nngp/index.ts';
import { unionSeconds } from '../../src/nngp/workers/pool.ts';
import { TRAIN_FILE as CIFAR_SUBSET } from '../datasets/helpers.ts';
import { FIXTURE } from '../support/fixtures.ts';

describe('unionSeconds', () => {
  it('counts overlapping intervals once and gaps not at all', () => {
    expect(unionSeconds([])).toBe(0);
    expect(unionSeconds([[0, 1000]])).toBe(1);
    expect(
      unionSeconds([
        [3000, 3500],
        [0, 1000],
        [500, 2000],
      ]),
    ).toBe(2.5);
    expect(
      unionSeconds([
        [0, 4000],
        [1000, 2000],
      ]),
    ).toBe(4);
  });
});

// A result's seconds are its evaluation's, not the time it queued for a free worker: with two
// tfjs workers and more architectures than workers, the stored seconds sum to at most the run's
// wall time × 2 (queue waits counted in, as before, they summed to several times that).
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await importRecordFile(database, FIXTURE);
}, 120_000);
afterAll(() => database?.close());

describe('stored seconds of a two-worker run', () => {
  it('sum to at most the wall time × workers', async () => {
    const { rows } = await database.pool.query<{
      hash: string;
      matrix: string;
      operations: string[];
    }>('SELECT hash, matrix, operations FROM architectures ORDER BY hash LIMIT 8');
    const started = performance.now();
    const run = await runEvaluation(database, {
      cells: rows.map((r) => ({
        hash: r.hash,
        matrix: matrixFromText(r.matrix),
        ops: r.operations as Operation[],
      })),
      largest: { nTrain: 20, nVal: 20, ensemble: 2 },
      configs: [],
      seed: 0,
      shape: { stemChannels: 8, stacks: 1, modulesPerStack: 1 },
      dataset: [CIFAR_SUBSET],
      engine: 'tfjs',
      backend: undefined,
      workers: 2,
      experiment: 'seconds',
      retention: 'none',
      precision: 'float32',
      bnBatchSize: 32,
      batchSize: 50,
    });
    const wall = (performance.now() - started) / 1000;
    expect(run.evaluated).toBe(8);
    const { rows: stored } = await database.pool.query<{ seconds: number }>(
      `SELECT r.seconds FROM nngp_results r JOIN nngp_experiments e ON e.id = r.experiment_id
        WHERE e.name = 'seconds'`,
    );
    expect(stored).toHaveLength(8);
    const sum = stored.reduce((s, r) => s + r.seconds, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThanOrEqual(wall * 2);
  }, 180_000);
});
