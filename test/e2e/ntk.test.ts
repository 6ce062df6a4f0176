import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ntkFlops } from '@nngp-nas/compute/metrics';
import { ModelSpec } from '@nngp-nas/compute/nasbench';
import { architectureRow, upsertArchitectures } from '@nngp-nas/compute/nasbench/store';
import { evaluateCell } from '@nngp-nas/compute/nngp';
import type { EvaluationResultJson } from '@nngp-nas/compute/nngp/store';
import { loadPredictor, predictorScope } from '@nngp-nas/compute/predictors';
import { exportResults, loadResults } from '@nngp-nas/compute/results';
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

/** A small network (stem 8, one stack of one module) on 40/30 images, M 2. */
const SETTINGS = {
  nTrain: 40,
  nVal: 30,
  ensemble: 2,
  configs: [{ nTrain: 20, nVal: 30, ensemble: 1 }],
  stemChannels: 8,
  stacks: 1,
  modulesPerStack: 1,
};
const ARGS = [
  'evaluate',
  '--archs',
  INCEPTION.hash,
  '--train',
  '40',
  '--val',
  '30',
  '--ensemble',
  '2',
  '--configs',
  '20x30x1',
  '--stem-channels',
  '8',
  '--stacks',
  '1',
  '--modules-per-stack',
  '1',
  '--json',
];

type Run = { experiment: string; results: EvaluationResultJson[] };
const ofKind = (run: Run, kind: string) => run.results.filter((r) => r.kind === kind);

describe('nngp evaluate --kernel (empirical NTK beside the NNGP)', () => {
  let both: Run;

  it('--kernel both stores NNGP and NTK results for every configuration, the NTK as evaluateCell computes it', async () => {
    const run = await nngp([...ARGS, '--kernel', 'both', '--experiment', 'both']);
    expect(run.code, run.stderr).toBe(0);
    both = JSON.parse(run.stdout);
    const configs = (r: EvaluationResultJson[]) =>
      r.map((x) => `${x.nTrain}x${x.nVal}x${x.ensemble}`);
    expect(configs(ofKind(both, 'nngp'))).toEqual(['40x30x2', '20x30x1']);
    expect(configs(ofKind(both, 'ntk'))).toEqual(['40x30x2', '20x30x1']);
    const nngpLargest = ofKind(both, 'nngp')[0] as EvaluationResultJson;
    const ntkLargest = ofKind(both, 'ntk')[0] as EvaluationResultJson;
    expect(ntkLargest.accuracies).toHaveLength(20);
    // The NTK's forward and backward passes and gradient products cost more than the NNGP's
    // forward passes (both also pass the 128 batch-norm images forward once).
    expect(ntkLargest.flops).toBeGreaterThan(nngpLargest.flops);
    expect(ntkLargest.seconds).toBeGreaterThan(0);

    const cell = { hash: spec.hash(), matrix: spec.matrix, ops: spec.ops };
    const inProcess = await evaluateCell(cell, { ...SETTINGS, kernels: ['nngp', 'ntk'] });
    expect(inProcess.ntk?.results.map((r) => r.accuracies)).toEqual(
      ofKind(both, 'ntk').map((r) => r.accuracies),
    );
    expect(inProcess.results.map((r) => r.accuracies)).toEqual(
      ofKind(both, 'nngp').map((r) => r.accuracies),
    );
    // The NTK differs from the NNGP: another kernel, not a relabelled copy.
    expect(inProcess.ntk?.results[0]?.accuracies).not.toEqual(inProcess.results[0]?.accuracies);
  }, 300_000);

  it('gives the same NTK on the tfjs engine’s worker threads, and resumes an NNGP experiment by adding its NTK', async () => {
    const first = await nngp([
      ...ARGS,
      '--experiment',
      'grows',
      '--engine',
      'tfjs',
      '--workers',
      '2',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(ofKind(JSON.parse(first.stdout), 'ntk')).toEqual([]);
    const grown = await nngp([
      ...ARGS,
      '--experiment',
      'grows',
      '--engine',
      'tfjs',
      '--workers',
      '2',
      '--kernel',
      'ntk',
    ]);
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stderr).toContain('1 to evaluate, 0 already stored');
    const run = JSON.parse(grown.stdout) as Run;
    expect(ofKind(run, 'ntk').map((r) => r.accuracies)).toEqual(
      ofKind(both, 'ntk').map((r) => r.accuracies),
    );
    const again = await nngp([
      ...ARGS,
      '--experiment',
      'grows',
      '--engine',
      'tfjs',
      '--kernel',
      'both',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 to evaluate, 1 already stored');
    const { rows } = await database.pool.query<{ config: { kernels?: string[] } }>(
      `SELECT config FROM nngp_experiments WHERE name = 'grows'`,
    );
    expect(rows[0]?.config.kernels).toEqual(['nngp', 'ntk']);
  }, 300_000);

  it('--kernel rejects an unknown kind before anything is stored', async () => {
    const run = await nngp([...ARGS, '--kernel', 'ntkk', '--experiment', 'never']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--kernel must be nngp, ntk or both, got 'ntkk'");
    const { rows } = await database.pool.query(
      `SELECT 1 FROM nngp_experiments WHERE name = 'never'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('is a predictor (kernel NTK) priced by the NTK cost model, and round-trips through the results files', async () => {
    const { rows } = await database.pool.query<{ id: number }>(
      `SELECT id FROM nngp_experiments WHERE name = 'both'`,
    );
    const experiment = String(rows[0]?.id);
    const scope = predictorScope(database.db, undefined);
    const ntk = await loadPredictor(
      database.db,
      { kind: 'NNGP', kernel: 'NTK', experiment },
      scope,
    );
    const plain = await loadPredictor(database.db, { kind: 'NNGP', experiment }, scope);
    expect(ntk.kind).toBe('ntk');
    expect(ntk.label).toBe('ntk both 40/30/2');
    expect(plain.kind).toBe('nngp');
    expect(ntk.values.get(spec.hash())).toBe(ofKind(both, 'ntk')[0]?.accuracy);
    expect(plain.values.get(spec.hash())).toBe(ofKind(both, 'nngp')[0]?.accuracy);
    const flops = spec.flops();
    expect(ntk.cost?.(flops, spec.hash())).toBe(
      ntkFlops({ nTrain: 40, nVal: 30, ensemble: 2 }, flops, spec.trainableParameters()),
    );

    const dir = await mkdtemp(join(tmpdir(), 'ntk-results-'));
    const other = await createTestDatabase();
    try {
      await exportResults(database, { dir, experiments: ['both'] });
      await upsertArchitectures(other.pool, [architectureRow(spec.hash(), spec.matrix, spec.ops)]);
      const [loaded] = await loadResults(other, { dir });
      expect(loaded?.loaded).toBe(4);
      const { rows: kinds } = await other.pool.query<{ kind: string; accuracy: number }>(
        `SELECT kind, accuracy FROM nngp_results WHERE n_train = 40 ORDER BY kind`,
      );
      expect(kinds).toEqual([
        { kind: 'nngp', accuracy: ofKind(both, 'nngp')[0]?.accuracy },
        { kind: 'ntk', accuracy: ofKind(both, 'ntk')[0]?.accuracy },
      ]);
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
