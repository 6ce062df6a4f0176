import { ModelSpec } from '@nngp-nas/compute/nasbench';
import { architectureRow, upsertArchitectures } from '@nngp-nas/compute/nasbench/store';
import type { EvaluationResultJson } from '@nngp-nas/compute/nngp/store';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCEPTION } from '../../compute/test/nasbench/cells.ts';
import { runNngp } from '../../compute/test/support/cli.ts';

let database: TestDatabase;
const spec = new ModelSpec(INCEPTION.matrix, INCEPTION.ops).canonical();

beforeAll(async () => {
  database = await createTestDatabase();
  await upsertArchitectures(database.pool, [architectureRow(spec.hash(), spec.matrix, spec.ops)]);
});
afterAll(() => database.close());

const nngp = (args: string[]) =>
  runNngp(args, { env: { ...process.env, DATABASE_URL: database.url } });

const ARGS = [
  'evaluate',
  '--archs',
  INCEPTION.hash,
  '--train',
  '500',
  '--val',
  '200',
  '--ensemble',
  '4',
  '--configs',
  '100x200x1,100x200x2,500x200x1',
  '--experiment',
  'e2e',
  '--workers',
  '2',
  '--json',
];

type Result = EvaluationResultJson;

/** `nngp evaluate --archs 28cfc787… --train 500 --val 200 --ensemble 4`, per regularizer. */
const INCEPTION_500x200x4 = [
  0.24, 0.24, 0.24, 0.24, 0.24, 0.235, 0.25, 0.3, 0.34, 0.37, 0.375, 0.37, 0.36, 0.34, 0.33, 0.295,
  0.265, 0.23, 0.135, 0.105,
];

describe('nngp evaluate on the CIFAR-10 subset (Inception-like cell, 500/200, M = 4)', () => {
  let first: { experiment: string; results: Result[] };

  it('gives an NNGP accuracy well above chance for every configuration', async () => {
    const run = await nngp(ARGS);
    expect(run.code, run.stderr).toBe(0);
    first = JSON.parse(run.stdout);
    expect(first.experiment).toBe('e2e');
    expect(first.results.map((r) => `${r.nTrain}x${r.nVal}x${r.ensemble}`)).toEqual([
      '500x200x4',
      '500x200x1',
      '100x200x2',
      '100x200x1',
    ]);
    const largest = first.results[0] as Result;
    // Chance is 0.1; the reference notebook printed 0.38 on its own data order. The figure is
    // pinned (README, "Quick start"): a silent change of the data draw, the network, its
    // initialisation or the inference moves it. The bench and the GPU check take the same path.
    expect(largest.accuracy).toBe(0.375);
    expect(largest.accuracies).toEqual(INCEPTION_500x200x4);
    expect(largest.accuracies).toHaveLength(20);
    expect(largest.regularizers[0]).toBeCloseTo(1e-7, 12);
    expect(largest.regularizers[19]).toBeCloseTo(100, 9);
    expect(largest.accuracy).toBe(
      Math.max(...largest.accuracies.filter((a): a is number => a !== null)),
    );
    // The default engine, ONNX Runtime, on its default provider.
    expect(largest.backend).toBe('cpu');
    // 4 seeds × (128 batch-norm images + 700 images) × FLOPs of the network up to its features.
    expect(largest.flops).toBe(4 * (128 + 700) * (spec.flops() - 2 * 512 * 10));
    for (const r of first.results) expect(r.accuracy).toBeGreaterThan(0.15);
  }, 600_000);

  it('stores one kernel per seed in the smaller representation', async () => {
    const { rows } = await database.pool.query(
      `SELECT seed, representation, dtype, length(data) AS bytes FROM nngp_kernels ORDER BY seed`,
    );
    expect(rows).toEqual(
      [0, 1, 2, 3].map((seed) => ({
        seed,
        representation: 'kernel',
        dtype: 'float32',
        bytes: 4 * ((500 * 501) / 2 + 200 * 500),
      })),
    );
  });

  it('resumes: a second run skips the stored architecture and reports the same results', async () => {
    const run = await nngp(ARGS);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('0 to evaluate, 1 already stored');
    expect(JSON.parse(run.stdout)).toEqual(first);
  }, 120_000);

  it('re-infers a configuration from stored kernels with no forward pass, identically', async () => {
    const run = await nngp(['reinfer', '--experiment', 'e2e', '--configs', '100x200x2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ experiment: 'e2e', architectures: 1, results: 1 });
    const { rows } = await database.pool.query(
      `SELECT accuracy, accuracies, engine, flops FROM nngp_results WHERE n_train = 100 AND ensemble = 2`,
    );
    const before = first.results.find((r) => r.nTrain === 100 && r.ensemble === 2) as Result;
    expect(rows[0].accuracy).toBe(before.accuracy);
    expect(rows[0].accuracies).toEqual(before.accuracies);
    expect(rows[0].engine).toBe('stored-kernels');
  }, 120_000);

  it('refuses to continue an experiment with other settings', async () => {
    const run = await nngp([...ARGS, '--seed', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "experiment 'e2e' exists with other settings: seed 0 (stored) vs 1",
    );
  }, 120_000);

  it('rejects bad arguments with exit 2', async () => {
    const unknown = await nngp([
      'evaluate',
      '--archs',
      'f'.repeat(32),
      '--train',
      '10',
      '--val',
      '10',
      '--ensemble',
      '1',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`unknown architecture ${'f'.repeat(32)}`);
    const config = await nngp([
      'evaluate',
      '--archs',
      INCEPTION.hash,
      '--train',
      '10',
      '--val',
      '10',
      '--ensemble',
      '1',
      '--configs',
      '20x10x1',
    ]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('does not fit inside 10x10x1');
  }, 120_000);
});
