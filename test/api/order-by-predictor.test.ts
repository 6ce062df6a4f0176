import { nngpExperiments, nngpResults } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportUrl,
  type GraphQLResponse,
  gql,
  parseCsv,
  startTestApi,
  type TestApi,
} from './support.ts';

/**
 * Ordering the architectures by a predictor (ground truth, NNGP, training, proxy): every page,
 * walked with cursors, equals one ordered SQL query over the fixture written here from the
 * predictors' definitions (missing values last in both directions, ties by hash).
 */
let t: TestApi;
let experimentId: number;
let proxy: string;

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  const { db } = t.database;
  const [experiment] = await db
    .insert(nngpExperiments)
    .values({
      name: 'order-test',
      config: {
        nTrain: 100,
        nVal: 200,
        ensemble: 2,
        seed: 0,
        stemChannels: 16,
        stacks: 3,
        modulesPerStack: 1,
        dataset: 'cifar10',
        bnBatchSize: 256,
        configs: [
          { nTrain: 100, nVal: 200, ensemble: 1 },
          { nTrain: 100, nVal: 200, ensemble: 2 },
        ],
      },
    })
    .returning();
  experimentId = experiment?.id as number;
  const hashes = (await sqlRows<{ hash: string }>('SELECT hash FROM architectures LIMIT 700')).map(
    (r) => r.hash,
  );
  await db.insert(nngpResults).values(
    hashes.flatMap((moduleHash, i) =>
      [1, 2].map((ensemble) => ({
        experimentId,
        moduleHash,
        nTrain: 100,
        nVal: 200,
        ensemble,
        // Ties (10 values per configuration) and a failed solve now and then (null).
        accuracy: i % 37 === 0 ? null : 0.3 + ((i * ensemble) % 10) / 100,
        accuracies: [0.2],
        regularizers: [0.01],
        engine: 'test',
        backend: 'cpu',
        seconds: 1,
        flops: 1e12,
      })),
    ),
  );
  const [first] = await sqlRows<{ proxy: string }>('SELECT min(proxy) AS proxy FROM proxy_scores');
  proxy = first?.proxy as string;
}, 300_000);
afterAll(() => t?.close());

/** One page of the listing as `walk` reads it. */
interface Page {
  edges: { node: { hash: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every architecture's hash under `orderBy` (and `filter`), page by page through cursors. */
async function walk(orderBy: Record<string, unknown>, filter?: Record<string, unknown>) {
  const hashes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse<{ architectures: Page }> = await gql<{ architectures: Page }>(
      t.api.url,
      `query ($orderBy: ArchitectureOrder, $filter: ArchitectureFilter, $after: String) {
         architectures(orderBy: $orderBy, filter: $filter, first: 500, after: $after) {
           edges { node { hash } } pageInfo { hasNextPage endCursor } } }`,
      { orderBy, filter, after },
    );
    expect(r.errors).toBeUndefined();
    const page: Page | undefined = r.data?.architectures;
    hashes.push(...(page?.edges.map((e) => e.node.hash) ?? []));
    if (!page?.pageInfo.hasNextPage) return hashes;
    after = page.pageInfo.endCursor;
  }
}

/** The reference order: `values` (module_hash, v) left-joined, nulls last, ties by hash. */
async function sqlOrder(values: string, direction: 'ASC' | 'DESC', where = 'true') {
  const rows = await sqlRows<{ hash: string }>(
    `SELECT a.hash FROM architectures a LEFT JOIN (${values}) v ON v.module_hash = a.hash
      WHERE ${where} ORDER BY v.v ${direction} NULLS LAST, a.hash ${direction}`,
  );
  return rows.map((r) => r.hash);
}

const training = (epochs: number, repeat: number | null) =>
  `SELECT module_hash, avg(final_validation_accuracy) AS v FROM training_records
    WHERE epochs = ${epochs} AND final_validation_accuracy IS NOT NULL
      ${repeat === null ? '' : `AND repeat = ${repeat}`} GROUP BY module_hash`;
const nngp = (ensemble: number) =>
  `SELECT module_hash, accuracy AS v FROM nngp_results WHERE experiment_id = ${experimentId}
    AND n_train = 100 AND n_val = 200 AND ensemble = ${ensemble} AND accuracy IS NOT NULL`;

describe('orderBy a predictor equals the SQL order, across pages', () => {
  it('ground truth, both directions, nulls last', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const expected = await sqlOrder(training(108, null), direction);
      expect(await walk({ field: 'GROUND_TRUTH', direction })).toEqual(expected);
    }
  }, 120_000);

  it('NNGP: the experiment’s own (largest) configuration by default, or one named', async () => {
    const experiment = String(experimentId);
    expect(await walk({ field: 'NNGP', direction: 'DESC', experiment })).toEqual(
      await sqlOrder(nngp(2), 'DESC'),
    );
    expect(await walk({ field: 'NNGP', direction: 'ASC', experiment, ensemble: 1 })).toEqual(
      await sqlOrder(nngp(1), 'ASC'),
    );
  }, 120_000);

  it('training: one repeat (0 by default) or the mean, within a filter', async () => {
    expect(await walk({ field: 'TRAINING', direction: 'DESC', epochs: 4 })).toEqual(
      await sqlOrder(training(4, 0), 'DESC'),
    );
    expect(
      await walk(
        { field: 'TRAINING', direction: 'ASC', epochs: 12, repeat: 'mean' },
        { residualConnections: { min: 1, max: 2 } },
      ),
    ).toEqual(await sqlOrder(training(12, null), 'ASC', 'a.residual_connections BETWEEN 1 AND 2'));
  }, 120_000);

  it('a proxy, by name', async () => {
    const values = `SELECT module_hash, value AS v FROM proxy_scores
                     WHERE proxy = '${proxy}' AND value IS NOT NULL`;
    expect(await walk({ field: 'PROXY', direction: 'DESC', proxy })).toEqual(
      await sqlOrder(values, 'DESC'),
    );
  }, 120_000);
});

describe('bad orderBy input', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ field: 'TRAINING' }, 'epochs'],
    [{ field: 'TRAINING', epochs: 5 }, 'epochs'],
    [{ field: 'TRAINING', epochs: 4, repeat: 'median' }, 'repeat'],
    [{ field: 'TRAINING', epochs: 4, proxy: 'x' }, 'proxy'],
    [{ field: 'NNGP' }, 'experiment'],
    [{ field: 'NNGP', experiment: '987654' }, 'experiment'],
    [{ field: 'NNGP', experiment: 'x' }, 'experiment'],
    [{ field: 'PROXY', proxy: 'no_such_proxy' }, 'proxy'],
    [{ field: 'FLOPS', epochs: 4 }, 'epochs'],
    [{ field: 'GROUND_TRUTH', experiment: '1' }, 'experiment'],
  ];
  it.each(cases)('%j is BAD_USER_INPUT on orderBy.%s', async (orderBy, field) => {
    const r = await gql(
      t.api.url,
      'query ($o: ArchitectureOrder) { architectures(orderBy: $o, first: 1) { totalCount } }',
      { o: orderBy },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'orderBy',
      field,
    });
  });

  it('a cursor made under another predictor is BAD_USER_INPUT on after', async () => {
    const q = `query ($o: ArchitectureOrder, $after: String) {
      architectures(orderBy: $o, first: 1, after: $after) { pageInfo { endCursor } } }`;
    const first = await gql<{ architectures: { pageInfo: { endCursor: string } } }>(t.api.url, q, {
      o: { field: 'TRAINING', epochs: 4 },
    });
    const after = first.data?.architectures.pageInfo.endCursor;
    const r = await gql(t.api.url, q, { o: { field: 'TRAINING', epochs: 12 }, after });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'after',
    });
  });
});

describe('the CSV export', () => {
  it('orders by a predictor as the listing does', async () => {
    const response = await fetch(
      exportUrl(t.api, {
        orderBy: JSON.stringify({ field: 'GROUND_TRUTH', direction: 'DESC' }),
        residual: '0-1',
      }),
    );
    expect(response.status).toBe(200);
    const hashes = parseCsv(await response.text()).map((r) => r.hash);
    expect(hashes).toEqual(
      await sqlOrder(training(108, null), 'DESC', 'a.residual_connections BETWEEN 0 AND 1'),
    );
  }, 60_000);

  it('refuses a bad orderBy with 400 naming the parameter and the field', async () => {
    const response = await fetch(
      exportUrl(t.api, { orderBy: JSON.stringify({ field: 'TRAINING' }) }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ argument: 'orderBy', field: 'epochs' });
  });
});

async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const result = await t.database.pool.query(text, values);
  return result.rows as R[];
}
