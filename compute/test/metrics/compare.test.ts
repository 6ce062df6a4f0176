import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  comparePredictors,
  loadPredictorTable,
  type PredictorTable,
} from '../../src/analysis/index.ts';
import { kendallTau, pearson } from '../../src/metrics/index.ts';
import { importProxyCsv, importRecordFile } from '../../src/nasbench/store/index.ts';
import { runNngp } from '../support/cli.ts';
import { FIXTURE, FIXTURE_MODULES, ZEN_CSV } from '../support/fixtures.ts';

let database: TestDatabase;
let table: PredictorTable;

beforeAll(async () => {
  database = await createTestDatabase();
  await importRecordFile(database, FIXTURE);
  await importProxyCsv(database, ZEN_CSV);
  table = await loadPredictorTable(database.pool);
}, 120_000);
afterAll(async () => {
  await database.close();
});

/**
 * scipy.stats.kendalltau / pearsonr on the same pairs (exported from this table once): τ agreed
 * bit for bit, r to 4e-16.
 */
const SCIPY = {
  'epochs 4': { tau: 0.30740615512899006, r: 0.256586141428909 },
  'epochs 12': { tau: 0.43672486468486404, r: 0.3904552549717927 },
  'epochs 36': { tau: 0.696167822101014, r: 0.5628015172652019 },
  zen_score: { tau: 0.4638257220231771, r: 0.384001960172791 },
} as const;

describe('loadPredictorTable on the record fixture', () => {
  it('has every module with ground truth, the three budgets and the imported proxy', () => {
    expect(table.truth).toHaveLength(FIXTURE_MODULES);
    expect(table.predictors.map((p) => p.name)).toEqual([
      'epochs 4',
      'epochs 12',
      'epochs 36',
      'zen_score',
    ]);
    // The fixture has shortened-training records (and Zen scores) for 10,250 of its modules.
    for (const p of table.predictors)
      expect(p.values.filter((v) => Number.isFinite(v)).length).toBe(10_250);
    expect(Math.min(...table.truth)).toBeGreaterThan(0.09);
    expect(Math.max(...table.truth)).toBeLessThan(0.96);
  });
});

describe('comparePredictors', () => {
  it('gives scipy’s τ and r, bootstrap intervals around them, and training costs', () => {
    const comparison = comparePredictors(table, { bootstrap: { resamples: 100, seed: 1 } });
    expect(comparison.architectures).toBe(FIXTURE_MODULES);
    for (const p of comparison.predictors) {
      const expected = SCIPY[p.name as keyof typeof SCIPY];
      expect(p.n).toBe(10_250);
      expect(Math.abs((p.kendallTau as number) - expected.tau)).toBeLessThan(1e-12);
      expect(Math.abs((p.pearson as number) - expected.r)).toBeLessThan(1e-12);
      expect(p.kendallTauInterval?.low).toBeLessThan(p.kendallTau as number);
      expect(p.kendallTauInterval?.high).toBeGreaterThan(p.kendallTau as number);
    }
    const [e4, e12, e36, zen] = comparison.predictors;
    // Training cost grows with the epochs (E·120,000 + 10,000 forward passes each).
    expect((e12?.costPflops as number) / (e4?.costPflops as number)).toBeCloseTo(
      (12 * 120_000 + 10_000) / (4 * 120_000 + 10_000),
      9,
    );
    expect(e36?.costPflops).toBeGreaterThan(e12?.costPflops as number);
    expect(zen?.costPflops).toBeNull();
    expect(zen?.notes.join()).toMatch(/unknown for an imported proxy/);
  });

  it('restricts to a size cluster or a residual range', () => {
    const byCluster = comparePredictors(table, {
      filter: { sizeClusters: [0] },
      bootstrap: { resamples: 10 },
    });
    const members = table.sizeCluster.flatMap((c, i) =>
      c === 0 && Number.isFinite(table.predictors[0]?.values[i]) ? [i] : [],
    );
    expect(byCluster.predictors[0]?.n).toBe(members.length);
    expect(byCluster.predictors[0]?.kendallTau).toBe(
      kendallTau(
        members.map((i) => table.truth[i] as number),
        members.map((i) => table.predictors[0]?.values[i] as number),
      ),
    );
    const byResiduals = comparePredictors(table, {
      filter: { residualConnections: { min: 0, max: 0 } },
      bootstrap: { resamples: 10 },
    });
    const none = [...table.residualConnections.keys()].filter(
      (i) => table.residualConnections[i] === 0,
    );
    expect(byResiduals.architectures).toBe(none.length);
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
    expect(out.predictors.map((p: { name: string }) => p.name)).toEqual(Object.keys(SCIPY));
    expect(out.predictors[3].kendallTau).toBe(SCIPY.zen_score.tau);
    const filtered = await nngp(['compare', '--json', '--residuals', '1-2', '--resamples', '5']);
    expect(JSON.parse(filtered.stdout).filter).toEqual({ residualConnections: { min: 1, max: 2 } });
    const bad = await nngp(['compare', '--residuals', '3-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--residuals');
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
    const hashes = table.hashes.slice(0, 30);
    const { rows } = await database.pool.query<{ id: number }>(
      `INSERT INTO nngp_experiments (name, config) VALUES ('probe', $1) RETURNING id`,
      [
        JSON.stringify({
          nTrain: 100,
          nVal: 200,
          ensemble: 2,
          seed: 0,
          stemChannels: 16,
          stacks: 3,
          modulesPerStack: 3,
          dataset: 'cifar10',
          bnBatchSize: 64,
          configs: [],
        }),
      ],
    );
    const id = rows[0]?.id;
    try {
      await database.pool.query(
        `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy,
                                   accuracies, regularizers, engine, backend, seconds, flops)
         SELECT $1, h, 100, 200, 2, 0.2 + 0.01 * i, ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'cpu', 1, 1
           FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i)`,
        [id, hashes],
      );
      const withNngp = await loadPredictorTable(database.pool);
      const column = withNngp.predictors.at(-1);
      expect(column?.name).toBe('nngp probe 100/200/2');
      expect(column?.nngpConfig).toEqual({ nTrain: 100, nVal: 200, ensemble: 2, width: 64 });
      const comparison = comparePredictors(withNngp, { bootstrap: { resamples: 10 } });
      const nngp = comparison.predictors.at(-1);
      expect(nngp?.n).toBe(30);
      expect(nngp?.costPflops).toBeGreaterThan(0);
      expect(nngp?.notes.join()).toMatch(/stem 16/);
    } finally {
      await database.pool.query('DELETE FROM nngp_experiments WHERE id = $1', [id]);
    }
  });
});
