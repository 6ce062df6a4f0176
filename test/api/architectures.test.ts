import { nngpExperiments, nngpResults } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureModules } from '../../compute/test/support/fixtures.ts';
import { gql, startTestApi, type TestApi } from './support.ts';

let t: TestApi;
/** Hashes given an NNGP result in experiment `experimentId` (the fixture has none of its own). */
let nngpHashes: string[];
let experimentId: number;

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  const { db } = t.database;
  const [experiment] = await db
    .insert(nngpExperiments)
    .values({ name: 'api-test', config: experimentConfig() })
    .returning();
  experimentId = experiment?.id as number;
  nngpHashes = (
    await sqlRows<{ hash: string }>('SELECT hash FROM architectures ORDER BY hash LIMIT 120')
  ).map((r) => r.hash);
  await db.insert(nngpResults).values(
    nngpHashes.flatMap((moduleHash, i) =>
      [1, 2].map((ensemble) => ({
        experimentId,
        moduleHash,
        nTrain: 100,
        nVal: 200,
        ensemble,
        accuracy: 0.3 + (i % 10) / 100,
        accuracies: [0.2, 0.3 + (i % 10) / 100],
        regularizers: [0.01, 0.1],
        engine: 'test',
        backend: 'cpu',
        seconds: 1,
        flops: 1e12,
      })),
    ),
  );
});
afterAll(() => t?.close());

const total = async (filter: Record<string, unknown>) => {
  const r = await gql<{ architectures: { totalCount: number } }>(
    t.api.url,
    'query ($filter: ArchitectureFilter) { architectures(filter: $filter, first: 0) { totalCount } }',
    { filter },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.architectures.totalCount;
};

describe('totals match direct SQL', () => {
  it('per default size cluster, through the filter and sizeClusters', async () => {
    const expected = await sqlRows<{ id: number; n: number }>(
      'SELECT size_cluster AS id, count(*)::int AS n FROM architectures GROUP BY 1 ORDER BY 1',
    );
    expect(expected.length).toBeGreaterThan(1);
    const r = await gql<{ sizeClusters: { id: number; count: number }[] }>(
      t.api.url,
      '{ sizeClusters { id label count minParameters maxParameters } }',
    );
    expect(r.data?.sizeClusters.map((c) => ({ id: c.id, n: c.count }))).toEqual(expected);
    for (const { id, n } of expected) expect(await total({ sizeClusters: [id] })).toBe(n);
    expect(await total({ sizeClusters: expected.map((c) => c.id) })).toBe(10_302);
  });

  it('per residual-connection count', async () => {
    const expected = await sqlRows<{ r: number; n: number }>(
      'SELECT residual_connections AS r, count(*)::int AS n FROM architectures GROUP BY 1',
    );
    expect(expected.length).toBeGreaterThan(1);
    for (const { r, n } of expected) {
      expect(await total({ residualConnections: { min: r, max: r } })).toBe(n);
    }
  });

  it('per explicit size boundaries', async () => {
    const [row] = await sqlRows<{ below: number; above: number }>(
      `SELECT count(*) FILTER (WHERE trainable_parameters < $1)::int AS below,
              count(*) FILTER (WHERE trainable_parameters >= $1)::int AS above FROM architectures`,
      [2_000_000],
    );
    const r = await gql<{
      sizeClusters: { id: number; count: number; maxParameters: number | null }[];
    }>(t.api.url, '{ sizeClusters(boundaries: [2e6]) { id label count maxParameters } }');
    expect(r.data?.sizeClusters.map((c) => c.count)).toEqual([row?.below, row?.above]);
    expect(r.data?.sizeClusters[1]?.maxParameters).toBeNull();
  });
});

describe('filters', () => {
  it('combine with AND, lists as IN, operations as contains-all', async () => {
    const filter = {
      sizeClusters: [0, 1],
      residualConnections: { min: 1, max: 2 },
      trainableParameters: { min: 1_000_000, max: 30_000_000 },
      hasGroundTruth: true,
      operations: ['maxpool3x3', 'conv1x1-bn-relu'],
    };
    const [expected] = await sqlRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM architectures a
        WHERE a.size_cluster = ANY($1) AND a.residual_connections BETWEEN $2 AND $3
          AND a.trainable_parameters BETWEEN $4 AND $5 AND a.operations @> $6
          AND EXISTS (SELECT 1 FROM training_records t WHERE t.module_hash = a.hash AND t.epochs = 108)`,
      [[0, 1], 1, 2, 1_000_000, 30_000_000, ['maxpool3x3', 'conv1x1-bn-relu']],
    );
    expect(expected?.n).toBeGreaterThan(0);
    expect(await total(filter)).toBe(expected?.n);
    // Each condition narrows: dropping one never gives fewer.
    expect(await total({ ...filter, operations: ['maxpool3x3'] })).toBeGreaterThanOrEqual(
      expected?.n ?? 0,
    );
  });

  it('experiment: only architectures with a result there', async () => {
    expect(await total({ experiment: String(experimentId) })).toBe(nngpHashes.length);
    expect(await total({ experiment: String(experimentId), sizeClusters: [] })).toBe(0);
    expect(await total({ experiment: '999999' })).toBe(0);
  });

  it('hasGroundTruth false is the complement', async () => {
    const withTruth = await total({ hasGroundTruth: true });
    const without = await total({ hasGroundTruth: false });
    expect((withTruth ?? 0) + (without ?? 0)).toBe(10_302);
  });
});

describe('pagination', () => {
  it('walks every page once, in order, with ties broken by hash', async () => {
    type Page = {
      architectures: {
        totalCount: number;
        edges: { cursor: string; node: { hash: string; trainableParameters: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen = new Set<string>();
    let after: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    let pages = 0;
    let totalCount = 0;
    for (;;) {
      const r: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(
        t.api.url,
        `query ($after: String) {
           architectures(first: 500, after: $after, filter: { sizeClusters: [0, 1, 2, 3, 4] },
                         orderBy: { field: TRAINABLE_PARAMETERS, direction: DESC }) {
             totalCount edges { cursor node { hash trainableParameters } }
             pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      const connection = r.data?.architectures as Page['architectures'];
      totalCount = connection.totalCount;
      pages++;
      for (const { node } of connection.edges) {
        expect(seen.has(node.hash)).toBe(false);
        expect(node.trainableParameters).toBeLessThanOrEqual(previous);
        previous = node.trainableParameters;
        seen.add(node.hash);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.size).toBe(totalCount);
    expect(pages).toBe(Math.ceil(totalCount / 500));
    expect(pages).toBeGreaterThan(2);
  });

  it('first defaults to 50', async () => {
    const r = await gql<{ architectures: { edges: unknown[] } }>(
      t.api.url,
      '{ architectures { edges { cursor } } }',
    );
    expect(r.data?.architectures.edges).toHaveLength(50);
  });
});

describe('architecture(hash)', () => {
  it("returns a fixture module's matrix, parameters and training rows", async () => {
    const module = [...(await fixtureModules()).values()][7];
    if (module === undefined) throw new Error('fixture is empty');
    const r = await gql<{
      architecture: {
        hash: string;
        matrix: number[][];
        operations: string[];
        trainableParameters: number;
        groundTruth: number | null;
        training: { epochs: number; repeat: number; validationAccuracy: number }[];
        trainingMeans: { epochs: number; repeats: number; validationAccuracy: number }[];
        proxies: { name: string; value: number | null }[];
      };
    }>(
      t.api.url,
      `query ($hash: ID!) { architecture(hash: $hash) {
         hash matrix operations trainableParameters flops residualConnections groundTruth
         sizeCluster { id label minParameters maxParameters count }
         training { epochs repeat validationAccuracy testAccuracy trainAccuracy trainingTime }
         trainingMeans { epochs repeats validationAccuracy }
         proxies { name value } } }`,
      { hash: module.hash },
    );
    expect(r.errors).toBeUndefined();
    const a = r.data?.architecture;
    expect(a?.matrix).toEqual(module.matrix);
    expect(a?.operations).toEqual(module.operations);
    expect(a?.trainableParameters).toBe(module.trainableParameters);
    const stored = await sqlRows<{
      epochs: number;
      repeat: number;
      finalValidationAccuracy: number | null;
    }>(
      `SELECT epochs, repeat, final_validation_accuracy AS "finalValidationAccuracy"
         FROM training_records WHERE module_hash = $1 ORDER BY epochs, repeat`,
      [module.hash],
    );
    expect(a?.training.map((x) => [x.epochs, x.repeat, x.validationAccuracy])).toEqual(
      stored.map((x) => [x.epochs, x.repeat, x.finalValidationAccuracy]),
    );
    const truth = stored.filter((x) => x.epochs === 108).map((x) => x.finalValidationAccuracy ?? 0);
    if (truth.length > 0) {
      expect(a?.groundTruth).toBeCloseTo(truth.reduce((s, x) => s + x, 0) / truth.length, 12);
    }
    expect(a?.proxies.map((p) => p.name)).toContain('zen_score');
  });
});

describe('batching', () => {
  it('lists 500 architectures with training, NNGP and proxies in a bounded number of queries', async () => {
    t.queries.reset();
    const r = await gql<{
      architectures: {
        edges: { node: { nngp: { experiment: { name: string }; accuracy: number }[] } }[];
      };
    }>(
      t.api.url,
      `{ architectures(first: 500) { totalCount edges { node {
           hash groundTruth sizeCluster { id label }
           training { epochs repeat validationAccuracy } trainingMeans { epochs validationAccuracy }
           nngp { experiment { id name resultCount } nTrain nVal ensemble accuracy accuracies regularizers backend }
           proxies { name value } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data?.architectures.edges ?? [];
    expect(edges).toHaveLength(500);
    // Ordered by hash, the first 120 are the ones with NNGP results (two configurations each).
    expect(edges[0]?.node.nngp).toHaveLength(2);
    expect(edges[0]?.node.nngp[0]?.experiment.name).toBe('api-test');
    // page + count + training + NNGP + experiments + experiment counts + proxies + clusters.
    expect(t.queries.count).toBeGreaterThanOrEqual(5); // the hook does count
    expect(t.queries.count).toBeLessThanOrEqual(8);
  });
});

/** Direct SQL, the oracle the API is checked against (fixed text, parameters bound). */
async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const result = await t.database.pool.query(text, values);
  return result.rows as R[];
}

function experimentConfig() {
  return {
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
  };
}
