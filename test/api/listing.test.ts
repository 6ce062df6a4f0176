import { proxyScores, trainingRecords } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, gql, startTestApi, type TestApi } from './support.ts';

/*
 * The dashboard's listing on a real database. Its derived facts (training means, ground truth,
 * proxy scores) are computed once and kept while the data version holds, so a repeated page
 * costs only its own statement, and any change to the data (migration 0001's triggers) drops
 * them. A filter on named clusters and a residual range is read as one hash-ordered index range
 * per (cluster, residual count), merged: every page equals what SQL gives for the whole filter.
 */

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ fixture: true });
});
afterAll(() => t?.close());

/** The dashboard's listing, as the load test asks for it, over architectures with training. */
const LISTING = `query ($filter: ArchitectureFilter, $first: Int) {
  architectures(filter: $filter, first: $first) {
    edges { node {
      hash groundTruth
      trainingMeans { epochs repeats validationAccuracy testAccuracy trainingTime }
      proxies { name value source }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const FILTER = { hasGroundTruth: true, residualConnections: { min: 1, max: 2 } };

interface ListedNode {
  hash: string;
  groundTruth: number | null;
  trainingMeans: { epochs: number; repeats: number; validationAccuracy: number | null }[];
  proxies: { name: string; value: number | null; source: string }[];
}

/** The page's nodes and how many SQL statements answering it took. */
async function listed(first = 50) {
  t.queries.reset();
  const response = await gql<{ architectures: { edges: { node: ListedNode }[] } }>(
    t.api.url,
    LISTING,
    { filter: FILTER, first },
  );
  expect(response.errors).toBeUndefined();
  const nodes = (response.data?.architectures.edges ?? []).map((e) => e.node);
  return { nodes, queries: t.queries.count };
}

/** Ground truth per hash straight from SQL: the mean 108-epoch final validation accuracy. */
async function sqlGroundTruth(hashes: string[]): Promise<Map<string, number>> {
  const { rows } = await t.database.pool.query<{ hash: string; truth: number }>(
    `SELECT module_hash AS hash, avg(final_validation_accuracy) AS truth
       FROM training_records WHERE epochs = 108 AND module_hash = any($1) GROUP BY 1`,
    [hashes],
  );
  return new Map(rows.map((r) => [r.hash, r.truth]));
}

describe('listing cache', () => {
  it('answers the same values as SQL, and a warm page with its own statement only', async () => {
    const cold = await listed();
    expect(cold.nodes).toHaveLength(50);
    const truth = await sqlGroundTruth(cold.nodes.map((n) => n.hash));
    for (const node of cold.nodes) {
      expect(node.groundTruth).toBeCloseTo(truth.get(node.hash) as number, 12);
      const final = node.trainingMeans.find((m) => m.epochs === 108);
      expect(final?.validationAccuracy).toBe(node.groundTruth);
    }
    expect(cold.nodes.some((n) => n.proxies.some((p) => p.name === 'zen_score'))).toBe(true);
    // Size-cluster check aside (the filter names none): the page, training, proxies.
    expect(cold.queries).toBe(3);

    const warm = await listed();
    expect(warm.nodes).toEqual(cold.nodes);
    expect(warm.queries).toBe(1);
  });

  it('reads the facts of rows not yet cached, and only those', async () => {
    await listed(50);
    const wider = await listed(80);
    expect(wider.nodes).toHaveLength(80);
    // The page, then one query each for the 30 new rows' training and proxies.
    expect(wider.queries).toBe(3);
    expect((await listed(80)).queries).toBe(1);
  });

  it('shows a changed training record or proxy score on the next request', async () => {
    const before = await listed();
    const node = before.nodes[0] as ListedNode;
    const repeats = node.trainingMeans.find((m) => m.epochs === 108)?.repeats as number;
    await t.database.db.insert(trainingRecords).values({
      moduleHash: node.hash,
      epochs: 108,
      repeat: 77,
      finalValidationAccuracy: 0.25,
    });
    const afterInsert = await listed();
    expect(afterInsert.queries).toBe(3);
    const changed = afterInsert.nodes[0] as ListedNode;
    expect(changed.groundTruth).toBeCloseTo(
      ((node.groundTruth as number) * repeats + 0.25) / (repeats + 1),
      12,
    );
    expect(changed.trainingMeans.find((m) => m.epochs === 108)?.repeats).toBe(repeats + 1);
    expect((await sqlGroundTruth([node.hash])).get(node.hash)).toBeCloseTo(
      changed.groundTruth as number,
      12,
    );

    await t.database.db
      .insert(proxyScores)
      .values({ proxy: 'cache_probe', moduleHash: node.hash, value: -1, source: 'test' });
    const afterProxy = await listed();
    expect((afterProxy.nodes[0] as ListedNode).proxies).toContainEqual({
      name: 'cache_probe',
      value: -1,
      source: 'test',
    });
    // Every other row is unchanged.
    expect(afterProxy.nodes.slice(1)).toEqual(before.nodes.slice(1));
  });

  it('answers a single architecture, which reads the version itself, from the same cache', async () => {
    const [node] = (await listed()).nodes;
    t.queries.reset();
    const r = await gql<{ architecture: { groundTruth: number } }>(
      t.api.url,
      'query ($hash: ID!) { architecture(hash: $hash) { groundTruth } }',
      { hash: node?.hash },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.architecture.groundTruth).toBe(node?.groundTruth);
    // The row and the data version; the means come from the cache the listing filled.
    expect(t.queries.count).toBe(2);
  });
});

describe('listing a filter split into hash-ordered parts', () => {
  const PAGE = `query ($filter: ArchitectureFilter, $first: Int, $after: String, $orderBy: ArchitectureOrder) {
    architectures(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount edges { node { hash } } pageInfo { hasNextPage endCursor }
    }
  }`;

  interface Page {
    architectures: {
      totalCount: number;
      edges: { node: { hash: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }

  /** Every page's hashes, following the cursors to the end. */
  async function walk(filter: Record<string, unknown>, direction: 'ASC' | 'DESC', first: number) {
    const hashes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const r: GraphQLResponse<Page> = await gql<Page>(t.api.url, PAGE, {
        filter,
        first,
        after,
        orderBy: { field: 'HASH', direction },
      });
      expect(r.errors).toBeUndefined();
      const connection = r.data?.architectures;
      hashes.push(...(connection?.edges ?? []).map((e) => e.node.hash));
      if (!connection?.pageInfo.hasNextPage) return { hashes, total: connection?.totalCount };
      after = connection.pageInfo.endCursor;
    }
    throw new Error('more than 1,000 pages');
  }

  it('pages through two clusters and three residual counts exactly as SQL orders them', async () => {
    const { rows: clusters } = await t.database.pool.query<{ id: number }>(
      'SELECT id FROM size_clusters ORDER BY id LIMIT 2',
    );
    const ids = clusters.map((c) => c.id);
    expect(ids).toHaveLength(2);
    const filter = { sizeClusters: ids, residualConnections: { min: 1, max: 3 } };
    const { rows } = await t.database.pool.query<{ hash: string }>(
      `SELECT hash FROM architectures
        WHERE size_cluster = any($1) AND residual_connections BETWEEN 1 AND 3 ORDER BY hash`,
      [ids],
    );
    expect(rows.length).toBeGreaterThan(300);
    const expected = rows.map((r) => r.hash);

    const ascending = await walk(filter, 'ASC', 97);
    expect(ascending.hashes).toEqual(expected);
    expect(ascending.total).toBe(expected.length);
    expect((await walk(filter, 'DESC', 113)).hashes).toEqual([...expected].reverse());
  });

  it('combines the parts with the rest of the filter', async () => {
    const filter = {
      sizeClusters: [1],
      residualConnections: { min: 0, max: 2 },
      hasGroundTruth: true,
      operations: ['maxpool3x3'],
    };
    const { rows } = await t.database.pool.query<{ hash: string }>(
      `SELECT hash FROM architectures a
        WHERE size_cluster = 1 AND residual_connections BETWEEN 0 AND 2
          AND operations @> ARRAY['maxpool3x3']
          AND EXISTS (SELECT 1 FROM training_records r WHERE r.module_hash = a.hash AND r.epochs = 108)
        ORDER BY hash`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect((await walk(filter, 'ASC', 50)).hashes).toEqual(rows.map((r) => r.hash));
  });
});
