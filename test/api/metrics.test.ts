import { kendallTau, pearson } from '@nngp-nas/compute/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApi, type TestApi } from './support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ fixture: true });
});
afterAll(() => t?.close());

interface Metrics {
  predictor: string;
  count: number;
  kendallTau: number | null;
  pearson: number | null;
  pqetp: { threshold: number; auroc: number | null }[];
  discovered: { mean: number; standardError: number | null } | null;
  costPflops: number | null;
  notes: string[];
}

const QUERY = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $subsets: SubsetsInput) {
  metrics(filter: $filter, predictors: $predictors, subsets: $subsets) {
    predictor count kendallTau pearson pqetp { threshold auroc }
    discovered { mean standardError } costPflops notes
  }
}`;

const PREDICTORS = [
  { kind: 'TRAINING', epochs: 4, repeat: 0 },
  { kind: 'TRAINING', epochs: 12, repeat: 0 },
  { kind: 'TRAINING', epochs: 36, repeat: 0 },
  { kind: 'PROXY', proxy: 'zen_score' },
];

const metrics = (variables: Record<string, unknown>) =>
  gql<{ metrics: Metrics[] }>(t.api.url, QUERY, variables);

/** Ground truth and predictor values aligned by hash, straight from SQL. */
async function aligned(
  predictorSql: string,
  values: unknown[],
  cluster?: number,
): Promise<{ truth: number[]; predictor: number[] }> {
  const rows = await sqlRows<{ truth: number; value: number }>(
    `SELECT g.truth, p.value
       FROM (SELECT module_hash, avg(final_validation_accuracy) AS truth
               FROM training_records
              WHERE epochs = 108 AND final_validation_accuracy IS NOT NULL
              GROUP BY module_hash) g
       JOIN (${predictorSql}) p ON p.module_hash = g.module_hash
       JOIN architectures a ON a.hash = g.module_hash
      WHERE $${values.length + 1}::int IS NULL OR a.size_cluster = $${values.length + 1}
      ORDER BY g.module_hash`,
    [...values, cluster ?? null],
  );
  return { truth: rows.map((r) => r.truth), predictor: rows.map((r) => r.value) };
}

const TRAINING_SQL = `SELECT module_hash, final_validation_accuracy AS value FROM training_records
  WHERE epochs = $1 AND repeat = 0 AND final_validation_accuracy IS NOT NULL`;
const PROXY_SQL = `SELECT module_hash, value FROM proxy_scores
  WHERE proxy = $1 AND value IS NOT NULL AND value NOT IN ('NaN', 'Infinity', '-Infinity')`;

function expectedFor(predictor: (typeof PREDICTORS)[number], cluster?: number) {
  return predictor.kind === 'TRAINING'
    ? aligned(TRAINING_SQL, [predictor.epochs], cluster)
    : aligned(PROXY_SQL, [predictor.proxy], cluster);
}

describe('metrics', () => {
  it('gives compute/metrics τ and r for shortened training and zen_score on the fixture', async () => {
    const r = await metrics({ predictors: PREDICTORS });
    expect(r.errors).toBeUndefined();
    const results = r.data?.metrics ?? [];
    expect(results.map((m) => m.predictor)).toEqual([
      'epochs 4 repeat 0',
      'epochs 12 repeat 0',
      'epochs 36 repeat 0',
      'zen_score',
    ]);
    for (const [i, predictor] of PREDICTORS.entries()) {
      const m = results[i] as Metrics;
      const { truth, predictor: values } = await expectedFor(predictor);
      expect(m.count).toBe(10_250);
      expect(values.length).toBe(m.count);
      const tau = kendallTau(truth, values) as number;
      const r = pearson(truth, values) as number;
      expect(Math.abs((m.kendallTau as number) - tau)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs((m.pearson as number) - r)).toBeLessThanOrEqual(1e-12);
      expect(m.pqetp.length).toBeGreaterThan(0);
      expect(m.discovered?.mean).toBeGreaterThan(0.8);
      if (predictor.kind === 'TRAINING') expect(m.costPflops).toBeGreaterThan(0);
      else expect(m.costPflops).toBeNull();
    }
  });

  it('counts only the architectures of a size-cluster filter', async () => {
    const [largest] = await sqlRows<{ id: number }>(
      `SELECT size_cluster AS id FROM architectures WHERE size_cluster IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const cluster = largest?.id as number;
    const r = await metrics({
      filter: { sizeClusters: [cluster] },
      predictors: PREDICTORS,
      subsets: { count: 3, size: 100, seed: 1 },
    });
    expect(r.errors).toBeUndefined();
    for (const [i, predictor] of PREDICTORS.entries()) {
      const m = r.data?.metrics[i] as Metrics;
      const { truth, predictor: values } = await expectedFor(predictor, cluster);
      expect(m.count).toBe(values.length);
      expect(m.count).toBeLessThan(10_250);
      expect(
        Math.abs((m.kendallTau as number) - (kendallTau(truth, values) as number)),
      ).toBeLessThanOrEqual(1e-12);
      expect(m.discovered?.standardError).not.toBeNull();
    }
  });

  it('refuses bad predictors with BAD_USER_INPUT on predictors', async () => {
    for (const predictor of [
      { kind: 'PROXY', proxy: 'no_such_proxy' },
      { kind: 'PROXY' },
      { kind: 'TRAINING', proxy: 'zen_score', epochs: 4 },
      { kind: 'NNGP', experiment: '999999' },
      { kind: 'HYBRID' },
    ]) {
      const r = await metrics({ predictors: [predictor] });
      expect(r.data?.metrics ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'predictors',
      });
    }
  });

  it('refuses two predictors with one label', async () => {
    const r = await metrics({ predictors: [PREDICTORS[0], PREDICTORS[0]] });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const result = await t.database.pool.query(text, values);
  return result.rows as R[];
}
