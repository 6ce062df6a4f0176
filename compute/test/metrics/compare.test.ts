import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kendallTau, pearson } from '../../src/metrics/index.ts';
import { importProxyCsv, importRecordFile } from '../../src/nasbench/store/index.ts';
import {
  type Comparison,
  comparePredictors,
  loadPredictor,
  predictorScope,
  type TruthRow,
} from '../../src/predictors/index.ts';
import { runNngp } from '../support/cli.ts';
import { storeExperimentRow } from '../support/experiment-row.ts';
import { FIXTURE, FIXTURE_MODULES, ZEN_CSV } from '../support/fixtures.ts';

let database: TestDatabase;
let truth: TruthRow[];

beforeAll(async () => {
  database = await createTestDatabase();
  await importRecordFile(database, FIXTURE);
  await importProxyCsv(database, ZEN_CSV);
  truth = await predictorScope(database.db, undefined).truth();
}, 120_000);
afterAll(async () => {
  await database.close();
});

/**
 * scipy.stats.kendalltau / pearsonr on the same pairs (repeat 0 of each budget; exported once):
 * τ agreed bit for bit, r to 4e-16.
 */
const SCIPY = {
  'epochs 4 repeat 0': { tau: 0.30740615512899006, r: 0.256586141428909 },
  'epochs 12 repeat 0': { tau: 0.43672486468486404, r: 0.3904552549717927 },
  'epochs 36 repeat 0': { tau: 0.696167822101014, r: 0.5628015172652019 },
  zen_score: { tau: 0.4638257220231771, r: 0.384001960172791 },
} as const;

describe('compute/predictors on the record fixture', () => {
  it('has the ground truth of every module and 10,250 modules with each budget and the proxy', async () => {
    expect(truth).toHaveLength(FIXTURE_MODULES);
    const scope = predictorScope(database.db, undefined, { truthOnly: true });
    for (const spec of [
      { kind: 'TRAINING', epochs: 4 },
      { kind: 'TRAINING', epochs: 12, repeat: 0 },
      { kind: 'TRAINING', epochs: 36, repeat: 'mean' },
      { kind: 'PROXY', proxy: 'zen_score' },
    ] as const) {
      const p = await loadPredictor(database.db, spec, scope);
      // The fixture has shortened-training records (and Zen scores) for 10,250 of its modules.
      expect(p.values.size).toBe(10_250);
    }
    expect(Math.min(...truth.map((r) => r.value))).toBeGreaterThan(0.09);
    expect(Math.max(...truth.map((r) => r.value))).toBeLessThan(0.96);
  });
});

describe('comparePredictors', () => {
  let comparison: Comparison;
  beforeAll(async () => {
    comparison = await comparePredictors(database.db, { bootstrap: { resamples: 100, seed: 1 } });
  }, 120_000);

  it('gives scipy’s τ and r, bootstrap intervals around them, and training costs', () => {
    expect(comparison.architectures).toBe(FIXTURE_MODULES);
    expect(comparison.repeat).toBe(0);
    expect(comparison.predictors.map((p) => p.name)).toEqual([
      'epochs 4 repeat 0',
      'epochs 12 repeat 0',
      'epochs 36 repeat 0',
      'model size',
      'zen_score',
    ]);
    for (const p of comparison.predictors) {
      const expected = SCIPY[p.name as keyof typeof SCIPY];
      if (expected === undefined) continue;
      expect(p.n).toBe(10_250);
      expect(Math.abs((p.kendallTau as number) - expected.tau)).toBeLessThan(1e-12);
      expect(Math.abs((p.pearson as number) - expected.r)).toBeLessThan(1e-12);
      expect(p.kendallTauInterval?.low).toBeLessThan(p.kendallTau as number);
      expect(p.kendallTauInterval?.high).toBeGreaterThan(p.kendallTau as number);
      expect(p.pqetp.length).toBeGreaterThan(0);
      expect(p.discovered?.mean).toBeGreaterThan(0.8);
    }
    const [e4, e12, e36, size, zen] = comparison.predictors;
    // Training cost grows with the epochs (E·120,000 + 10,000 forward passes each).
    expect((e12?.costPflops as number) / (e4?.costPflops as number)).toBeCloseTo(
      (12 * 120_000 + 10_000) / (4 * 120_000 + 10_000),
      9,
    );
    expect(e36?.costPflops).toBeGreaterThan(e12?.costPflops as number);
    // One repeat: one training run per architecture.
    expect(e4?.trainingRuns).toBe(e4?.n);
    expect(e4?.repeat).toBe(0);
    expect(size?.costPflops).toBe(0);
    expect(size?.n).toBe(FIXTURE_MODULES);
    expect(zen?.costPflops).toBeNull();
    expect(zen?.notes.join()).toMatch(/unknown for an imported proxy/);
  });

  it('restricts to a size cluster or a residual range', async () => {
    const byCluster = await comparePredictors(database.db, {
      filter: { sizeClusters: [0] },
      bootstrap: { resamples: 10 },
      predictors: [{ kind: 'TRAINING', epochs: 4 }],
    });
    const { rows } = await database.pool.query<{ truth: number; value: number }>(
      `SELECT g.truth, t.final_validation_accuracy AS value
         FROM (SELECT module_hash, avg(final_validation_accuracy) AS truth FROM training_records
                WHERE epochs = 108 AND final_validation_accuracy IS NOT NULL GROUP BY module_hash) g
         JOIN training_records t ON t.module_hash = g.module_hash AND t.epochs = 4 AND t.repeat = 0
         JOIN architectures a ON a.hash = g.module_hash
        WHERE a.size_cluster = 0 AND t.final_validation_accuracy IS NOT NULL
        ORDER BY g.module_hash`,
    );
    expect(byCluster.predictors[0]?.n).toBe(rows.length);
    expect(byCluster.predictors[0]?.kendallTau).toBe(
      kendallTau(
        rows.map((r) => r.truth),
        rows.map((r) => r.value),
      ),
    );
    const byResiduals = await comparePredictors(database.db, {
      filter: { residualConnections: { min: 0, max: 0 } },
      bootstrap: { resamples: 10 },
      predictors: [{ kind: 'MODEL_SIZE' }],
    });
    const { rows: none } = await database.pool.query<{ n: number }>(
      `SELECT count(DISTINCT a.hash)::int AS n FROM architectures a
         JOIN training_records t ON t.module_hash = a.hash AND t.epochs = 108
        WHERE a.residual_connections = 0`,
    );
    expect(byResiduals.architectures).toBe(none[0]?.n);
    expect(byResiduals.architectures).toBeLessThan(FIXTURE_MODULES);
  });
});

describe('nngp metrics and nngp compare', () => {
  const nngp = (args: string[], stdin = '') =>
    runNngp(args, { env: { ...process.env, DATABASE_URL: database.url }, stdin });

  it('compare --json prints τ and r with intervals for every predictor', async () => {
    const run = await nngp(['compare', '--json', '--resamples', '20']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.architectures).toBe(FIXTURE_MODULES);
    expect(out.predictors.map((p: { name: string }) => p.name)).toEqual([
      ...Object.keys(SCIPY).slice(0, 3),
      'model size',
      'zen_score',
    ]);
    expect(out.predictors[4].kendallTau).toBe(SCIPY.zen_score.tau);
    const filtered = await nngp(['compare', '--json', '--residuals', '1-2', '--resamples', '5']);
    expect(JSON.parse(filtered.stdout).filter).toEqual({ residualConnections: { min: 1, max: 2 } });
    const bad = await nngp(['compare', '--residuals', '3-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--residuals');
    const badRepeat = await nngp(['compare', '--repeat', '3']);
    expect(badRepeat.code).toBe(2);
    expect(badRepeat.stderr).toContain('--repeat must be 0, 1, 2 or "mean"');
  }, 60_000);

  it('metrics --json answers the stdin contract; bad input exits 2 with the field named', async () => {
    const input = {
      truth: [0.9, 0.91, 0.93, 0.92, 0.95],
      predictors: { a: [0.3, 0.5, 0.4, 0.6, 0.7], flat: [1, 1, 1, 1, 1] },
      subsets: { count: 2, size: 4, seed: 0 },
      costs: { a: 1.5 },
    };
    const run = await nngp(['metrics', '--json'], JSON.stringify(input));
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.a.kendallTau).toBe(kendallTau(input.truth, input.predictors.a));
    expect(out.a.pearson).toBe(pearson(input.truth, input.predictors.a));
    expect(out.a.discovered.values).toHaveLength(2);
    expect(out.a.cost).toBe(1.5);
    expect(out.flat.kendallTau).toBeNull();
    expect(out.flat.notes.join()).toMatch(/predictor is constant/);
    for (const [stdin, message] of [
      ['{"truth":[0.9,NaN],"predictors":{"a":[1,2]}}', 'not valid JSON'],
      ['{"truth":[0.9,0.8],"predictors":{"a":[1]}}', 'predictors.a: has 1 values, expected 2'],
      ['{"truth":[],"predictors":{"a":[]}}', 'truth: is empty'],
    ] as const) {
      const bad = await nngp(['metrics', '--json'], stdin);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(message);
      expect(bad.stdout).toBe('');
    }
  }, 60_000);
});

describe('NNGP results as predictors', () => {
  it('reads each stored (n_t, n_v, M) configuration, with its cost and a reduced-stem note', async () => {
    const hashes = truth.slice(0, 30).map((r) => r.hash);
    const id = await storeExperimentRow(database.pool, 'probe', {
      stemChannels: 16,
      bnBatchSize: 64,
    });
    try {
      await database.pool.query(
        `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy,
                                   accuracies, regularizers, engine, backend, seconds, flops)
         SELECT $1, h, 100, 200, 2, 0.2 + 0.01 * i, ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'cpu', 1, 1
           FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i)`,
        [id, hashes],
      );
      const scope = predictorScope(database.db, undefined, { truthOnly: true });
      const loaded = await loadPredictor(
        database.db,
        { kind: 'NNGP', experiment: String(id) },
        scope,
      );
      expect(loaded.label).toBe('nngp probe 100/200/2');
      expect((loaded as { costConfig?: unknown }).costConfig).toEqual({
        nTrain: 100,
        nVal: 200,
        ensemble: 2,
        width: 64,
      });
      const comparison = await comparePredictors(database.db, { bootstrap: { resamples: 10 } });
      const nngp = comparison.predictors.at(-1);
      expect(nngp?.name).toBe('nngp probe 100/200/2');
      expect(nngp?.n).toBe(30);
      expect(nngp?.costPflops).toBeGreaterThan(0);
      expect(nngp?.notes.join()).toMatch(/stem 16/);
    } finally {
      await database.pool.query('DELETE FROM nngp_experiments WHERE id = $1', [id]);
    }
  }, 120_000);
});
