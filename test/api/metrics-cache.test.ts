import { nngpExperiments, proxyScores, trainingRecords } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LruCache } from '../../server/src/cache/lru.ts';
import { gql, startTestApi, type TestApi } from './support.ts';

/*
 * The analysis cache on a real database: repeats cost only the data-version query, any change
 * to the data the analyses read (through the triggers of migration 0001) drops it, failures are
 * never kept, and identical concurrent requests share one computation.
 */

let t: TestApi;
let experiment: string;
beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  // An experiment without results: its analyses are empty, but cached like any other.
  const [row] = await t.database.db
    .insert(nngpExperiments)
    .values({
      name: 'cache-empty',
      config: {
        nTrain: 20,
        nVal: 20,
        ensemble: 1,
        seed: 0,
        stemChannels: 8,
        stacks: 1,
        modulesPerStack: 1,
        dataset: 'none',
        bnBatchSize: 32,
        configs: [],
      },
    })
    .returning({ id: nngpExperiments.id });
  experiment = String(row?.id);
});
afterAll(() => t?.close());

const ZEN = { kind: 'PROXY', proxy: 'zen_score' };
const METRICS = `query ($predictors: [PredictorInput!]!, $filter: ArchitectureFilter, $subsets: SubsetsInput) {
  metrics(predictors: $predictors, filter: $filter, subsets: $subsets) { predictor count kendallTau discovered { mean } }
}`;

/** One query of each cached field. */
const everyField = (): [string, string, Record<string, unknown>][] => [
  ['metrics', METRICS, { predictors: [ZEN, { kind: 'TRAINING', epochs: 4 }] }],
  [
    'searchSpaceReduction',
    'query ($nngp: NngpConfigInput!) { searchSpaceReduction(nngp: $nngp) { epochs screening } }',
    { nngp: { experiment } },
  ],
  [
    'hybrid',
    'query ($nngp: NngpConfigInput!) { hybrid(nngp: $nngp) { fit { count } notes } }',
    { nngp: { experiment } },
  ],
  ['residualBias', '{ residualBias { residualConnections architectures } }', {}],
  [
    'modelSizeCorrelation',
    'query ($p: [PredictorInput!]!) { modelSizeCorrelation(predictors: $p) { predictor kendallTau } }',
    { p: [ZEN] },
  ],
  [
    'scatter',
    'query ($x: PredictorInput!) { scatter(x: $x, limit: 50) { total points { hash x y } } }',
    { x: ZEN },
  ],
  ['parameterHistogram', '{ parameterHistogram(bins: 30) { min max count } }', {}],
];

/** The response and how many SQL statements answering it took. */
async function counted(query: string, variables: Record<string, unknown> = {}) {
  t.queries.reset();
  const response = await gql<Record<string, unknown>>(t.api.url, query, variables);
  return { response, queries: t.queries.count };
}

describe('analysis cache', () => {
  it('answers a repeated query of every analysis field with only the data-version query', async () => {
    for (const [field, query, variables] of everyField()) {
      const first = await counted(query, variables);
      expect(first.response.errors, field).toBeUndefined();
      expect(first.queries, field).toBeGreaterThan(1);
      const second = await counted(query, variables);
      expect(second.queries, field).toBe(1);
      expect(second.response.data, field).toEqual(first.response.data);
    }
  });

  it('treats arguments that mean the same alike (key order, explicit nulls)', async () => {
    const first = await counted(METRICS, {
      predictors: [{ kind: 'TRAINING', epochs: 12, repeat: 0 }],
      filter: { residualConnections: { min: 1, max: 3 } },
    });
    expect(first.queries).toBeGreaterThan(1);
    const same = await counted(METRICS, {
      predictors: [{ repeat: 0, epochs: 12, kind: 'TRAINING', name: null }],
      filter: { residualConnections: { max: 3, min: 1 }, sizeClusters: null },
      subsets: null,
    });
    expect(same.queries).toBe(1);
    expect(same.response.data).toEqual(first.response.data);
  });

  it('drops the cache when a proxy score is deleted or inserted, and answers from the new data', async () => {
    const variables = { predictors: [ZEN], subsets: { count: 2, size: 1000, seed: 1 } };
    const before = await counted(METRICS, variables);
    expect(before.response.errors).toBeUndefined();
    const count = (r: typeof before) =>
      (r.response.data?.metrics as { count: number }[] | undefined)?.[0]?.count;
    expect(count(before)).toBe(10_250);
    expect((await counted(METRICS, variables)).queries).toBe(1);

    const removed = await t.database.pool.query<{
      proxy: string;
      hash: string;
      value: number;
      source: string;
    }>(
      `DELETE FROM proxy_scores WHERE proxy = 'zen_score' AND module_hash = $1
       RETURNING proxy, module_hash AS hash, value, source`,
      [await firstHashWith('zen_score')],
    );
    expect(removed.rowCount).toBe(1);
    const afterDelete = await counted(METRICS, variables);
    expect(afterDelete.queries).toBeGreaterThan(1);
    expect(count(afterDelete)).toBe(10_249);
    expect((await counted(METRICS, variables)).queries).toBe(1);

    const { proxy, hash, value, source } = removed.rows[0] as (typeof removed.rows)[number];
    await t.database.db.insert(proxyScores).values({ proxy, moduleHash: hash, value, source });
    const afterInsert = await counted(METRICS, variables);
    expect(afterInsert.queries).toBeGreaterThan(1);
    expect(afterInsert.response.data).toEqual(before.response.data);
  });

  it('drops the cache when a training record is inserted (a new ground-truth repeat)', async () => {
    const variables = { x: { kind: 'TRAINING', epochs: 4 }, limit: 20_000 };
    const query =
      'query ($x: PredictorInput!, $limit: Int) { scatter(x: $x, limit: $limit) { total points { hash y } } }';
    const hash = await firstHashWith('zen_score');
    const before = await counted(query, variables);
    const truthOf = (r: typeof before) =>
      (
        r.response.data?.scatter as { points: { hash: string; y: number }[] } | undefined
      )?.points.find((p) => p.hash === hash)?.y;
    expect(truthOf(before)).toBeDefined();
    expect((await counted(query, variables)).queries).toBe(1);

    const { rows } = await t.database.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM training_records WHERE module_hash = $1 AND epochs = 108',
      [hash],
    );
    const repeats = Number(rows[0]?.n);
    await t.database.db.insert(trainingRecords).values({
      moduleHash: hash,
      epochs: 108,
      repeat: 99,
      finalValidationAccuracy: 0.5,
    });
    const after = await counted(query, variables);
    expect(after.queries).toBeGreaterThan(1);
    const mean = (truthOf(before) as number) * repeats;
    expect(truthOf(after)).toBeCloseTo((mean + 0.5) / (repeats + 1), 12);
  });

  it('does not keep a failure: the same query is recomputed, and succeeds once the data exists', async () => {
    const variables = { predictors: [{ kind: 'PROXY', proxy: 'cache_probe' }] };
    const first = await counted(METRICS, variables);
    expect(first.response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'predictors',
      field: 'proxy',
    });
    const again = await counted(METRICS, variables);
    expect(again.queries).toBeGreaterThan(1);
    expect(again.response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const hashes = await t.database.pool.query<{ hash: string; value: number }>(
      `SELECT module_hash AS hash, value FROM proxy_scores WHERE proxy = 'zen_score'
        ORDER BY module_hash LIMIT 40`,
    );
    await t.database.db.insert(proxyScores).values(
      hashes.rows.map((r) => ({
        proxy: 'cache_probe',
        moduleHash: r.hash,
        value: -r.value,
        source: 'test',
      })),
    );
    const now = await counted(METRICS, variables);
    expect(now.response.errors).toBeUndefined();
    expect((now.response.data?.metrics as { count: number }[] | undefined)?.[0]?.count).toBe(40);
  });

  it('lets identical concurrent requests share one computation', async () => {
    const query =
      'query ($seed: Int) { scatter(x: { kind: MODEL_SIZE }, limit: 100, seed: $seed) { total } }';
    // A cold computation of this shape: the version query plus the computation's own.
    const alone = await counted(query, { seed: 1 });
    const total = (alone.response.data?.scatter as { total: number } | undefined)?.total;
    expect(total).toBe(10_302);
    expect(alone.queries).toBeGreaterThan(1);
    t.queries.reset();
    const responses = await Promise.all(
      [0, 1, 2].map(() => gql<{ scatter: { total: number } }>(t.api.url, query, { seed: 2 })),
    );
    for (const r of responses) expect(r.data?.scatter.total).toBe(total);
    // One computation, plus one version query per request.
    expect(t.queries.count).toBe(alone.queries + 2);
  });
});

describe('LruCache', () => {
  it('keeps at most its capacity, dropping the least recently used', () => {
    const lru = new LruCache<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.peek('b')).toBeUndefined();
    expect(lru.peek('a')).toBe(1);
    expect(lru.peek('c')).toBe(3);
  });
});

async function firstHashWith(proxy: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ hash: string }>(
    `SELECT p.module_hash AS hash FROM proxy_scores p
       JOIN training_records r ON r.module_hash = p.module_hash AND r.epochs = 108
      WHERE p.proxy = $1 ORDER BY 1 LIMIT 1`,
    [proxy],
  );
  return rows[0]?.hash as string;
}
