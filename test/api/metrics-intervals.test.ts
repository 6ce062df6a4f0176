import { bootstrapPqetp } from '@nngp-nas/compute/metrics';
import type { PredictorComparison } from '@nngp-nas/compute/predictors';
import { measureRequest } from '@nngp-nas/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNngp } from '../../compute/test/support/cli.ts';
import { storeExperimentRow } from '../../compute/test/support/experiment-row.ts';
import { gql, startTestApi, type TestApi } from './support.ts';

/*
 * metrics(intervals:): opt-in bootstrap intervals, computed by compute/metrics as
 * `nngp compare --json` computes them, so both give the same bounds for the same seed.
 */

interface Bounds {
  low: number;
  high: number;
}
interface WithIntervals {
  predictor: string;
  kendallTau: number | null;
  pearson: number | null;
  kendallTauInterval: Bounds | null;
  pearsonInterval: Bounds | null;
  pqetp: { threshold: number; auroc: number | null; interval: Bounds | null }[];
  discovered: { mean: number } | null;
  discoveredInterval: Bounds | null;
}

const QUERY = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $intervals: IntervalsInput) {
  metrics(filter: $filter, predictors: $predictors, intervals: $intervals) {
    predictor kendallTau pearson kendallTauInterval { low high } pearsonInterval { low high }
    pqetp { threshold auroc interval { low high } } discovered { mean } discoveredInterval { low high }
  }
}`;
const PLAIN = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
  metrics(filter: $filter, predictors: $predictors) {
    predictor count kendallTau pearson pqetp { threshold auroc } discovered { mean standardError }
  }
}`;

let t: TestApi;
let predictors: Record<string, unknown>[];
/** The 400 architectures of the NNGP experiment: small enough for quick bootstraps. */
let filter: { experiment: string };
beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  // Synthetic NNGP accuracies for 400 architectures with ground truth (values from the hash).
  const id = await storeExperimentRow(t.database.pool, 'intervals');
  await t.database.pool.query(
    `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy,
                               accuracies, regularizers, engine, backend, seconds, flops)
     SELECT $1, h, 100, 200, 2, 0.1 + 0.3 * ('x' || substr(h, 1, 7))::bit(28)::int / 268435456.0,
            ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'cpu', 1, 1
       FROM (SELECT DISTINCT module_hash AS h FROM training_records WHERE epochs = 108
              ORDER BY 1 LIMIT 400) t`,
    [id],
  );
  filter = { experiment: String(id) };
  predictors = [
    { kind: 'TRAINING', epochs: 12 },
    { kind: 'PROXY', proxy: 'zen_score' },
    { kind: 'NNGP', experiment: String(id) },
  ];
}, 120_000);
afterAll(() => t?.close());

const metrics = async (intervals: Record<string, unknown> | null) => {
  const r = await gql<{ metrics: WithIntervals[] }>(t.api.url, QUERY, {
    filter,
    predictors,
    intervals,
  });
  expect(r.errors).toBeUndefined();
  return r.data?.metrics ?? [];
};

/** The interval holds the estimate; an undefined estimate (no positives) has none. */
const contains = (interval: Bounds | null, value: number | null) => {
  if (value === null) return expect(interval).toBeNull();
  expect(interval).not.toBeNull();
  expect(interval?.low).toBeLessThanOrEqual(value as number);
  expect(interval?.high).toBeGreaterThanOrEqual(value as number);
};

describe('metrics(intervals:)', () => {
  it('without the argument: the same response as before and the same cost', async () => {
    const without = await metrics(null);
    for (const m of without) {
      expect(m.kendallTauInterval).toBeNull();
      expect(m.pearsonInterval).toBeNull();
      expect(m.discoveredInterval).toBeNull();
      for (const p of m.pqetp) expect(p.interval).toBeNull();
    }
    const plain = await gql<{ metrics: unknown[] }>(t.api.url, PLAIN, { filter, predictors });
    expect(plain.errors).toBeUndefined();
    expect(Object.keys(plain.data?.metrics[0] as object)).toEqual([
      'predictor',
      'count',
      'kendallTau',
      'pearson',
      'pqetp',
      'discovered',
    ]);
    const one = '{ metrics(predictors: [{kind: MODEL_SIZE}]) { count } }';
    // The cost this query had before intervals existed.
    expect(measureRequest(one).complexity).toBeCloseTo(1933.4892, 4);
    const asked = '{ metrics(predictors: [{kind: MODEL_SIZE}], intervals: {}) { count } }';
    // 1,000 resamples, each about one pass over the space (21.18 points).
    expect(measureRequest(asked).complexity - measureRequest(one).complexity).toBeCloseTo(
      21_181.2,
      1,
    );
  });

  it('refuses intervals out of bounds as BAD_USER_INPUT naming intervals', async () => {
    for (const [intervals, field] of [
      [{ resamples: 10_001 }, 'resamples'],
      [{ resamples: 0 }, 'resamples'],
      [{ level: 1 }, 'level'],
      [{ seed: -1 }, 'seed'],
    ] as const) {
      const r = await gql(t.api.url, QUERY, { filter, predictors, intervals });
      expect(r.errors?.[0]?.extensions, JSON.stringify(intervals)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'intervals',
        field,
      });
    }
  });
  it('gives seeded intervals that contain the point estimates and equal nngp compare --json', async () => {
    const intervals = { resamples: 200, seed: 3 };
    const api = await metrics(intervals);
    expect(api).toHaveLength(3);
    for (const m of api) {
      contains(m.kendallTauInterval, m.kendallTau);
      contains(m.pearsonInterval, m.pearson);
      for (const p of m.pqetp) contains(p.interval, p.auroc);
      contains(m.discoveredInterval, m.discovered?.mean ?? null);
    }
    const cli = await runNngp(
      ['compare', '--json', '--resamples', '200', '--seed', '3', '--experiment', filter.experiment],
      {
        env: { ...process.env, DATABASE_URL: t.database.url },
      },
    );
    expect(cli.code, cli.stderr).toBe(0);
    const compared = JSON.parse(cli.stdout).predictors as PredictorComparison[];
    for (const m of api) {
      const c = compared.find((p) => p.name === m.predictor);
      expect(c, m.predictor).toBeDefined();
      expect({
        kendallTauInterval: m.kendallTauInterval,
        pearsonInterval: m.pearsonInterval,
        pqetpIntervals: m.pqetp.map((p) => p.interval),
        discoveredInterval: m.discoveredInterval,
      }).toEqual({
        kendallTauInterval: c?.kendallTauInterval,
        pearsonInterval: c?.pearsonInterval,
        pqetpIntervals: c?.pqetpIntervals,
        discoveredInterval: c?.discoveredInterval,
      });
    }
  }, 120_000);

  it('is reproducible with a seed and moves with another', async () => {
    const first = await metrics({ resamples: 100, seed: 5 });
    // Another level is another cache entry: the same seed's resamples, so a nested interval.
    const wider = await metrics({ resamples: 100, seed: 5, level: 0.99 });
    const other = await metrics({ resamples: 100, seed: 6 });
    expect(other).not.toEqual(first);
    for (const [i, m] of first.entries()) {
      const w = wider[i] as WithIntervals;
      expect(w.kendallTauInterval?.low).toBeLessThanOrEqual(m.kendallTauInterval?.low as number);
      expect(w.kendallTauInterval?.high).toBeGreaterThanOrEqual(
        m.kendallTauInterval?.high as number,
      );
    }
    const truth = [0.9, 0.91, 0.93, 0.95, 0.92, 0.94];
    const scores = [1, 2, 4, 6, 2, 5];
    expect(bootstrapPqetp(truth, scores, [0.92], { seed: 9 })).toEqual(
      bootstrapPqetp(truth, scores, [0.92], { seed: 9 }),
    );
  });
});
