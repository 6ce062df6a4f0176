import { sampleSpecs } from '@nngp-nas/compute/nasbench';
import {
  architectureRow,
  refreshSizeClusters,
  upsertArchitectures,
} from '@nngp-nas/compute/nasbench/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeExperimentRow } from '../../compute/test/support/experiment-row.ts';
import { gql, startTestApi, type TestApi } from './support.ts';

/*
 * `predictors(filter)` lists every stored predictor with the number of filtered architectures
 * having it: checked against counts written out in SQL here.
 */

interface Listed {
  kind: string;
  name: string;
  epochs: number | null;
  repeat: number | string | null;
  proxy: string | null;
  experiment: string | null;
  nTrain: number | null;
  nVal: number | null;
  ensemble: number | null;
  count: number;
}

const QUERY = `query ($filter: ArchitectureFilter) {
  predictors(filter: $filter) {
    kind name epochs repeat proxy experiment nTrain nVal ensemble count
  }
}`;

let t: TestApi;
let experiment: string;
beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  const sampled = sampleSpecs(200, 3);
  await upsertArchitectures(
    t.database.pool,
    sampled.map((s) => architectureRow(s.hash(), s.matrix, s.ops)),
  );
  await refreshSizeClusters(t.database.pool);
  // Synthetic NNGP results: 100/200 ×2 for 400 architectures, 100/200 ×1 for 150 of them, one
  // failed result (null accuracy) that does not count.
  experiment = String(await storeExperimentRow(t.database.pool, 'listed'));
  for (const [ensemble, n] of [
    [2, 400],
    [1, 150],
  ] as const) {
    await t.database.pool.query(
      `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy,
                                 accuracies, regularizers, engine, backend, seconds, flops)
       SELECT $1, hash, 100, 200, $2, CASE WHEN row_number() OVER () = 1 THEN NULL ELSE 0.3 END,
              ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'cpu', 1, 1
         FROM (SELECT hash FROM architectures ORDER BY md5(hash) LIMIT $3) t`,
      [experiment, ensemble, n],
    );
  }
}, 120_000);
afterAll(() => t?.close());

/** The expected list in SQL: `cond` is a condition on architectures `a`. */
async function expectedList(cond: string): Promise<Omit<Listed, 'name'>[]> {
  const q = async <R>(text: string) => (await t.database.pool.query(text)).rows as R[];
  const training = await q<{ epochs: number; repeat: number | null; count: number }>(
    `SELECT epochs, repeat, count(*) FILTER (WHERE ${cond})::int AS count FROM training_records r
       JOIN architectures a ON a.hash = r.module_hash
      WHERE epochs IN (4, 12, 36) AND final_validation_accuracy IS NOT NULL
      GROUP BY epochs, repeat
     UNION ALL
     SELECT epochs, NULL, count(DISTINCT hash) FILTER (WHERE ${cond})::int FROM training_records r
       JOIN architectures a ON a.hash = r.module_hash
      WHERE epochs IN (4, 12, 36) AND final_validation_accuracy IS NOT NULL
      GROUP BY epochs
     ORDER BY epochs, repeat NULLS LAST`,
  );
  const [size] = await q<{ count: number }>(
    `SELECT count(*)::int AS count FROM architectures a WHERE ${cond}`,
  );
  const proxies = await q<{ proxy: string; count: number }>(
    `SELECT proxy, count(*) FILTER (WHERE ${cond})::int AS count FROM proxy_scores p
       JOIN architectures a ON a.hash = p.module_hash WHERE value IS NOT NULL
      GROUP BY proxy ORDER BY proxy`,
  );
  const nngp = await q<{ ensemble: number; count: number }>(
    `SELECT ensemble, count(*) FILTER (WHERE ${cond})::int AS count FROM nngp_results n
       JOIN architectures a ON a.hash = n.module_hash WHERE accuracy IS NOT NULL
      GROUP BY ensemble ORDER BY ensemble`,
  );
  const none = { epochs: null, repeat: null, proxy: null, experiment: null };
  const noConfig = { nTrain: null, nVal: null, ensemble: null };
  return [
    ...training.map((r) => ({
      ...none,
      ...noConfig,
      kind: 'TRAINING',
      epochs: r.epochs,
      repeat: r.repeat ?? 'mean',
      count: r.count,
    })),
    { ...none, ...noConfig, kind: 'MODEL_SIZE', count: size?.count ?? 0 },
    ...proxies.map((p) => ({
      ...none,
      ...noConfig,
      kind: 'PROXY',
      proxy: p.proxy,
      count: p.count,
    })),
    ...nngp.map((n) => ({
      ...none,
      kind: 'NNGP',
      experiment,
      nTrain: 100,
      nVal: 200,
      ensemble: n.ensemble,
      count: n.count,
    })),
  ];
}

const list = async (filter: Record<string, unknown> | null) => {
  const r = await gql<{ predictors: Listed[] }>(t.api.url, QUERY, { filter });
  expect(r.errors).toBeUndefined();
  return r.data?.predictors ?? [];
};
const withoutName = (rows: Listed[]) => rows.map(({ name: _, ...rest }) => rest);

describe('predictors(filter)', () => {
  it('lists every stored predictor with its count over the whole space', async () => {
    const rows = await list(null);
    expect(withoutName(rows)).toEqual(await expectedList('true'));
    expect(rows.map((r) => r.name)).toContain('epochs 12 repeat 0');
    expect(rows.map((r) => r.name)).toContain('epochs 12 mean');
    expect(rows.map((r) => r.name)).toContain('model size');
    expect(rows.map((r) => r.name)).toContain('zen_score');
    expect(rows.map((r) => r.name)).toContain('nngp listed 100/200/2');
    expect(rows.find((r) => r.kind === 'NNGP' && r.ensemble === 2)?.count).toBe(399);
  });

  it('counts within a filter (size cluster, residual range, ground truth)', async () => {
    const filter = { sizeClusters: [0], residualConnections: { min: 0, max: 2 } };
    const rows = await list(filter);
    const expected = await expectedList('a.size_cluster = 0 AND a.residual_connections <= 2');
    expect(withoutName(rows)).toEqual(expected);
    expect(expected.some((e) => e.count > 0)).toBe(true);
    const noTruth = await list({ hasGroundTruth: false });
    expect(noTruth.find((r) => r.kind === 'TRAINING')?.count).toBe(0);
    expect(noTruth.find((r) => r.kind === 'MODEL_SIZE')?.count).toBeGreaterThan(0);
  });

  it('lists predictors that metrics accepts, with its count over the architectures with truth', async () => {
    const filter = { hasGroundTruth: true, sizeClusters: [0] };
    const rows = await list(filter);
    const predictors = rows.map(
      ({ kind, epochs, repeat, proxy, experiment, nTrain, nVal, ensemble }) =>
        Object.fromEntries(
          Object.entries({
            kind,
            epochs,
            repeat,
            proxy,
            experiment,
            nTrain,
            nVal,
            ensemble,
          }).filter(([, v]) => v !== null),
        ),
    );
    const r = await gql<{ metrics: { predictor: string; count: number }[] }>(
      t.api.url,
      `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
        metrics(filter: $filter, predictors: $predictors, thresholds: [0.9], subsets: { count: 1, size: 50 }) {
          predictor count
        }
      }`,
      { filter, predictors },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.metrics).toEqual(rows.map((p) => ({ predictor: p.name, count: p.count })));
  });

  it('refuses a bad filter as BAD_USER_INPUT naming it', async () => {
    const r = await gql(t.api.url, QUERY, { filter: { residualConnections: { min: 3, max: 1 } } });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'filter',
    });
  });
});
