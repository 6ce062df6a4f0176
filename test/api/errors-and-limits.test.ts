import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApi, type TestApi } from './support.ts';

// An empty database: every check here is about input, limits and transport, not data.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const firstError = async (query: string, variables: Record<string, unknown> = {}) => {
  const r = await gql(t.api.url, query, variables);
  expect(r.errors?.length).toBeGreaterThan(0);
  return { ...r, error: r.errors?.[0] };
};

describe('BAD_USER_INPUT names the argument', () => {
  it.each([
    ['{ architectures(first: 501) { totalCount } }', 'first', undefined],
    ['{ architectures(first: -1) { totalCount } }', 'first', undefined],
    [
      '{ architectures(filter: { residualConnections: { min: 3, max: 1 } }) { totalCount } }',
      'filter',
      'residualConnections',
    ],
    [
      '{ architectures(filter: { operations: ["conv5x5"] }) { totalCount } }',
      'filter',
      'operations',
    ],
    ['{ architectures(filter: { experiment: "abc" }) { totalCount } }', 'filter', 'experiment'],
    ['{ architectures(after: "not-a-cursor") { totalCount } }', 'after', undefined],
    ['{ sizeClusters(boundaries: [-5]) { id } }', 'boundaries', undefined],
    ['{ experiment(id: "x1") { name } }', 'id', undefined],
  ])('%s', async (query, argumentName, field) => {
    const { error } = await firstError(query);
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.argumentName).toBe(argumentName);
    expect(error?.extensions?.field).toBe(field);
  });

  it('refuses a cursor made under another orderBy', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ field: 'HASH', direction: 'ASC', value: 'a', hash: 'a' }),
    ).toString('base64url');
    const ok = await gql(
      t.api.url,
      'query ($a: String) { architectures(after: $a) { totalCount } }',
      {
        a: cursor,
      },
    );
    expect(ok.errors).toBeUndefined();
    const { error } = await firstError(
      'query ($a: String) { architectures(after: $a, orderBy: { field: FLOPS }) { totalCount } }',
      { a: cursor },
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});

describe('NOT_FOUND', () => {
  it('for an unknown architecture hash (the field is null)', async () => {
    const r = await firstError(
      '{ architecture(hash: "0123456789abcdef0123456789abcdef") { hash } }',
    );
    expect(r.error?.extensions?.code).toBe('NOT_FOUND');
    expect(r.data).toEqual({ architecture: null });
  });

  it('for an unknown experiment', async () => {
    const { error } = await firstError('{ experiment(id: "424242") { name } }');
    expect(error?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('limits', () => {
  it('refuses a query nested too deep with QUERY_TOO_COMPLEX, before resolving', async () => {
    const r = await firstError(`{ sizeClusters { architectures(first: 1) { edges { node {
      sizeCluster { architectures(first: 1) { edges { node {
        sizeCluster { architectures(first: 1) { edges { node { hash } } } } } } } } } } } } }`);
    expect(r.status).toBe(400);
    expect(r.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxDepth: 10 });
    expect(r.data).toBeUndefined();
  });

  it('refuses a query whose estimated cost is too high', async () => {
    const { error } = await firstError(`{ architectures(first: 500) { edges { node {
      sizeCluster { architectures(first: 500) { edges { node { hash } } } } } } } }`);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxComplexity: 100_000 });
  });

  it('does not count introspection (GraphiQL and codegen nest deeply)', async () => {
    const r = await gql<{ __schema: { types: unknown[] } }>(
      t.api.url,
      `{ __schema { types { name fields { name type { name ofType { name ofType { name
         ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.__schema.types.length).toBeGreaterThan(10);
  });

  it('an empty listing is a valid answer', async () => {
    const r = await gql(
      t.api.url,
      '{ architectures { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }',
    );
    expect(r.data).toEqual({
      architectures: {
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    });
  });
});

describe('HTTP', () => {
  it('serves /health with the database reachable', async () => {
    const response = await fetch(new URL('/health', t.api.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphQL at / as well as /graphql, and 404 elsewhere', async () => {
    const root = await gql(new URL('/', t.api.url).toString(), '{ experiments { id } }');
    expect(root.data).toEqual({ experiments: [] });
    expect((await fetch(new URL('/nope', t.api.url))).status).toBe(404);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(t.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });
});
