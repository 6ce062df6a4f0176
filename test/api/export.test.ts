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

let t: TestApi;
let experimentId: number;
/** Hashes with NNGP results in the test experiment: 60 at the largest config, 120 at a smaller. */
let largestHashes: string[];

const EXPERIMENT = 'export-test';

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  const { db } = t.database;
  const [experiment] = await db
    .insert(nngpExperiments)
    .values({
      name: EXPERIMENT,
      config: {
        nTrain: 100,
        nVal: 200,
        ensemble: 2,
        seed: 0,
        stemChannels: 16,
        stacks: 3,
        modulesPerStack: 3,
        dataset: 'cifar10-subset',
        bnBatchSize: 128,
        configs: [{ nTrain: 100, nVal: 200, ensemble: 1 }],
      },
    })
    .returning();
  experimentId = experiment?.id as number;
  const hashes = (
    await sqlRows<{ hash: string }>('SELECT hash FROM architectures ORDER BY hash DESC LIMIT 120')
  ).map((r) => r.hash);
  largestHashes = hashes.slice(0, 60);
  const result = (moduleHash: string, ensemble: number, accuracy: number) => ({
    experimentId,
    moduleHash,
    nTrain: 100,
    nVal: 200,
    ensemble,
    accuracy,
    accuracies: [accuracy],
    regularizers: [0.1],
    engine: 'test',
    backend: 'cpu',
    seconds: 1,
    flops: 1e12,
  });
  await db
    .insert(nngpResults)
    .values([
      ...hashes.map((h, i) => result(h, 1, 0.2 + i / 1000)),
      ...largestHashes.map((h, i) => result(h, 2, 0.3 + i / 1000)),
    ]);
});
afterAll(() => t?.close());

interface ExportResponse {
  status: number;
  headers: Headers;
  text: string;
}

async function download(parameters: Record<string, string> = {}): Promise<ExportResponse> {
  const response = await fetch(exportUrl(t.api, parameters));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function rowsOf(parameters: Record<string, string> = {}): Promise<Record<string, string>[]> {
  const r = await download(parameters);
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return parseCsv(r.text);
}

/** A CSV cell as the number or null GraphQL would give. */
const numberOrNull = (cell: string | undefined) =>
  cell === undefined || cell === '' ? null : Number(cell);

interface Node {
  hash: string;
  trainableParameters: number;
  flops: number;
  residualConnections: number;
  sizeCluster: { id: number } | null;
  operations: string[];
  matrix: number[][];
  groundTruth: number | null;
  trainingMeans: {
    epochs: number;
    validationAccuracy: number | null;
    testAccuracy: number | null;
    trainingTime: number | null;
  }[];
  nngp: { nTrain: number; nVal: number; ensemble: number; accuracy: number | null }[];
  proxies: { name: string; value: number | null }[];
}

const LISTING = `query ($filter: ArchitectureFilter, $orderBy: ArchitectureOrder, $after: String,
                        $experiment: ID) {
  architectures(filter: $filter, orderBy: $orderBy, first: 500, after: $after) {
    edges { node {
      hash trainableParameters flops residualConnections sizeCluster { id } operations matrix
      groundTruth trainingMeans { epochs validationAccuracy testAccuracy trainingTime }
      nngp(experiment: $experiment) { nTrain nVal ensemble accuracy }
      proxies { name value }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node GraphQL lists for this filter and order, all pages. */
async function graphqlNodes(filter: unknown, orderBy?: unknown): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse<{ architectures: Page }> = await gql(t.api.url, LISTING, {
      filter,
      orderBy,
      after,
      experiment: String(experimentId),
    });
    expect(r.errors).toBeUndefined();
    const page = r.data?.architectures;
    if (page == null) throw new Error('no page');
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('GET /export/architectures.csv', () => {
  it('streams the filtered architectures with the values GraphQL gives, in the requested order', async () => {
    const filter = { sizeClusters: [0], residualConnections: { min: 1, max: 2 } };
    const orderBy = { field: 'FLOPS', direction: 'DESC' };
    const response = await download({
      filter: JSON.stringify(filter),
      orderBy: JSON.stringify(orderBy),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="architectures.csv"',
    );
    expect(response.text.split('\n')[0]).toBe(
      'hash,trainable_parameters,flops,residual_connections,size_cluster,operations,matrix,' +
        'ground_truth,val_acc_4,val_acc_12,val_acc_36,val_acc_108,test_acc_108,train_time_108,' +
        `nngp_${EXPERIMENT},proxy_zen_score`,
    );
    const rows = parseCsv(response.text);
    const [expected] = await sqlRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM architectures
        WHERE size_cluster = 0 AND residual_connections BETWEEN 1 AND 2`,
    );
    expect(expected?.n).toBeGreaterThan(500); // more than one GraphQL page
    expect(rows.length).toBe(expected?.n);

    const nodes = await graphqlNodes(filter, orderBy);
    expect(rows.map((r) => r.hash)).toEqual(nodes.map((n) => n.hash));
    for (const [i, node] of nodes.entries()) {
      const row = rows[i] as Record<string, string>;
      const mean = (epochs: number) => node.trainingMeans.find((m) => m.epochs === epochs);
      const largest = node.nngp.find((r) => r.ensemble === 2);
      expect({
        trainable_parameters: Number(row.trainable_parameters),
        flops: Number(row.flops),
        residual_connections: Number(row.residual_connections),
        size_cluster: numberOrNull(row.size_cluster),
        operations: row.operations?.split(';'),
        matrix: JSON.parse(row.matrix as string),
        ground_truth: numberOrNull(row.ground_truth),
        val_acc_4: numberOrNull(row.val_acc_4),
        val_acc_12: numberOrNull(row.val_acc_12),
        val_acc_36: numberOrNull(row.val_acc_36),
        val_acc_108: numberOrNull(row.val_acc_108),
        test_acc_108: numberOrNull(row.test_acc_108),
        train_time_108: numberOrNull(row.train_time_108),
        nngp: numberOrNull(row[`nngp_${EXPERIMENT}`]),
        zen: numberOrNull(row.proxy_zen_score),
      }).toEqual({
        trainable_parameters: node.trainableParameters,
        flops: node.flops,
        residual_connections: node.residualConnections,
        size_cluster: node.sizeCluster?.id ?? null,
        operations: node.operations,
        matrix: node.matrix,
        ground_truth: node.groundTruth,
        val_acc_4: mean(4)?.validationAccuracy ?? null,
        val_acc_12: mean(12)?.validationAccuracy ?? null,
        val_acc_36: mean(36)?.validationAccuracy ?? null,
        val_acc_108: mean(108)?.validationAccuracy ?? null,
        test_acc_108: mean(108)?.testAccuracy ?? null,
        train_time_108: mean(108)?.trainingTime ?? null,
        nngp: largest?.accuracy ?? null,
        zen: node.proxies.find((p) => p.name === 'zen_score')?.value ?? null,
      });
    }
    // The values are real: most rows have ground truth and a proxy score.
    expect(rows.filter((r) => r.ground_truth !== '').length).toBeGreaterThan(rows.length / 2);
    expect(rows.filter((r) => r.proxy_zen_score !== '').length).toBeGreaterThan(rows.length / 2);
  });

  it('pages through every architecture in order across batches, one query per table per batch', async () => {
    t.queries.reset();
    const rows = await rowsOf({
      orderBy: JSON.stringify({ field: 'TRAINABLE_PARAMETERS', direction: 'DESC' }),
    });
    // 10,302 rows = 6 batches of at most 2,000: the column lists (experiments, proxies), then per
    // batch its architectures, training records, NNGP results and proxy scores.
    expect(t.queries.count).toBeGreaterThanOrEqual(6);
    expect(t.queries.count).toBeLessThanOrEqual(2 + 6 * 4);
    const expected = await sqlRows<{ hash: string; p: number }>(
      'SELECT hash, trainable_parameters AS p FROM architectures ORDER BY trainable_parameters DESC, hash DESC',
    );
    expect(expected.length).toBe(10_302);
    expect(rows.map((r) => [r.hash, Number(r.trainable_parameters)])).toEqual(
      expected.map((r) => [r.hash, r.p]),
    );
    const byHash = await rowsOf();
    expect(byHash.map((r) => r.hash)).toEqual(expected.map((r) => r.hash).sort());
  });

  it('reads the URL shorthands as the filter fields they stand for, ANDed with filter', async () => {
    const shorthand = await download({
      sizeClusters: '0,1',
      residual: '0-2',
      params: '-5000000',
    });
    const json = await download({
      filter: JSON.stringify({
        sizeClusters: [0, 1],
        residualConnections: { min: 0, max: 2 },
        trainableParameters: { max: 5_000_000 },
      }),
    });
    expect(shorthand.status).toBe(200);
    expect(shorthand.text).toBe(json.text);
    const [counts] = await sqlRows<{ shorthand: number; combined: number; lower: number }>(
      `SELECT count(*) FILTER (WHERE size_cluster IN (0, 1) AND residual_connections <= 2
                                 AND trainable_parameters <= 5000000)::int AS shorthand,
              count(*) FILTER (WHERE residual_connections = 1 AND trainable_parameters >= 3000000
                                 AND hash IN (SELECT module_hash FROM training_records
                                               WHERE epochs = 108))::int AS combined,
              count(*) FILTER (WHERE trainable_parameters >= 3000000)::int AS lower
         FROM architectures`,
    );
    expect(counts?.shorthand).toBeGreaterThan(0);
    expect(parseCsv(shorthand.text).length).toBe(counts?.shorthand);
    const combined = await rowsOf({
      filter: JSON.stringify({ hasGroundTruth: true, trainableParameters: { min: 3_000_000 } }),
      residual: '1',
    });
    expect(combined.length).toBe(counts?.combined);
    expect((await rowsOf({ params: '3000000-' })).length).toBe(counts?.lower);
  });

  it('gives the NNGP accuracy at the largest configuration and filters by experiment', async () => {
    const rows = await rowsOf({ experiment: String(experimentId) });
    // Every architecture with a result in the experiment, at any configuration.
    expect(rows.length).toBe(120);
    const expected = new Map(
      (
        await sqlRows<{ hash: string; accuracy: number }>(
          'SELECT module_hash AS hash, accuracy FROM nngp_results WHERE experiment_id = $1 AND ensemble = 2',
          [experimentId],
        )
      ).map((r) => [r.hash, r.accuracy]),
    );
    expect(expected.size).toBe(60);
    for (const row of rows) {
      expect(numberOrNull(row[`nngp_${EXPERIMENT}`])).toBe(
        expected.get(row.hash as string) ?? null,
      );
    }
    expect(rows.filter((r) => r[`nngp_${EXPERIMENT}`] !== '').map((r) => r.hash)).toEqual(
      [...largestHashes].sort(),
    );
  });

  it('refuses bad parameters with 400 naming the parameter, before any row', async () => {
    const cases: [Record<string, string>, string, string?][] = [
      [{ filter: '{"sizeClusters": [0' }, 'filter'],
      [{ filter: '{"sizeClusters": "0"}' }, 'filter', 'sizeClusters'],
      [{ filter: '{"clusters": [0]}' }, 'filter'],
      [
        { filter: '{"residualConnections": {"min": 3, "max": 1}}' },
        'filter',
        'residualConnections',
      ],
      [{ filter: '{"operations": ["conv5x5"]}' }, 'filter', 'operations'],
      [{ orderBy: '{"field": "ACCURACY"}' }, 'orderBy', 'field'],
      [{ sizeClusters: '0,x' }, 'sizeClusters'],
      [{ residual: 'one-two' }, 'residual'],
      [{ residual: '3-1' }, 'residual', 'residualConnections'],
      [{ params: '-' }, 'params'],
      [{ params: '1e6-' }, 'params'],
      [{ experiment: 'abc' }, 'experiment', 'experiment'],
      [{ residuals: '1-2' }, 'residuals'],
    ];
    for (const [parameters, argument, field] of cases) {
      const r = await download(parameters);
      expect(r.status, JSON.stringify(parameters)).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/json');
      const body = JSON.parse(r.text) as { error: string; argument: string; field?: string };
      expect(body.argument, JSON.stringify(parameters)).toBe(argument);
      expect(body.field).toBe(field);
      expect(body.error.length).toBeGreaterThan(0);
    }
    const repeated = await fetch(`${exportUrl(t.api)}?residual=1&residual=2`);
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { argument: string }).argument).toBe('residual');
    const post = await fetch(exportUrl(t.api), { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const result = await t.database.pool.query(text, values);
  return result.rows as R[];
}
