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
      JSON.stringify({
        field: 'HASH',
        direction: 'ASC',
        value: '0123456789abcdef0123456789abcdef',
        hash: '0123456789abcdef0123456789abcdef',
      }),
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

/** Posts `query` and measures the answer's wall time (the refusals must take well under 1 s). */
const timed = async (query: string, variables: Record<string, unknown> = {}) => {
  t.queries.reset();
  const started = performance.now();
  const r = await gql(t.api.url, query, variables);
  return { ...r, error: r.errors?.[0], ms: performance.now() - started, sql: t.queries.count };
};

const README_PREDICTORS =
  '[{kind: TRAINING, epochs: 4}, {kind: TRAINING, epochs: 12}, {kind: TRAINING, epochs: 36}, {kind: MODEL_SIZE}, {kind: PROXY, proxy: "zen_score"}]';
const aliases = (n: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join('\n')} }`;

describe('abusive requests are refused cheaply, before any resolver (each once took minutes)', () => {
  it.each([
    [
      'a subsets.count of 2^31 - 1',
      '{ metrics(predictors: [{kind: MODEL_SIZE}], subsets: {count: 2147483647}) { count } }',
      { code: 'BAD_USER_INPUT', argumentName: 'subsets', field: 'count' },
      /subsets\.count is 2147483647, at most 1000/,
    ],
    [
      '1,000 aliases of scatter',
      aliases(1000, (i) => `scatter(x: {kind: MODEL_SIZE}, seed: ${i}) { total }`),
      { code: 'QUERY_TOO_COMPLEX', rootFields: 1000, maxRootFields: 25 },
      /1000 root fields .*at most 25/,
    ],
    [
      'one field aliased 600 times inside another',
      `{ experiments { ${Array.from({ length: 600 }, (_, i) => `n${i}: name`).join(' ')} } }`,
      { code: 'QUERY_TOO_COMPLEX', fieldNodes: 601, maxFieldNodes: 500 },
      /writes 601 fields, at most 500/,
    ],
    [
      '20 metrics aliases (the notebook predictors) with different seeds',
      aliases(
        20,
        (i) => `metrics(predictors: ${README_PREDICTORS}, subsets: {seed: ${i}}) { count }`,
      ),
      { code: 'QUERY_TOO_COMPLEX', maxComplexity: 100_000 },
      /query complexity \d+ exceeds the limit of 100000/,
    ],
    [
      'five scatters of the largest sample',
      aliases(
        5,
        (i) => `scatter(x: {kind: MODEL_SIZE}, limit: 20000, seed: ${i}) { points { x } }`,
      ),
      { code: 'QUERY_TOO_COMPLEX', maxComplexity: 100_000 },
      /exceeds the limit/,
    ],
    [
      '1,001 PQETP thresholds',
      `{ metrics(predictors: [{kind: MODEL_SIZE}], thresholds: [${Array(1001).fill(0.9)}]) { count } }`,
      { code: 'BAD_USER_INPUT', argumentName: 'thresholds' },
      /thresholds has 1001 items, at most 1000/,
    ],
    [
      'subsets larger than the search space',
      '{ hybrid(nngp: {experiment: "1"}, subsets: {size: 1000000}) { notes } }',
      { code: 'BAD_USER_INPUT', argumentName: 'subsets', field: 'size' },
      /subsets\.size is 1000000, at most 423624/,
    ],
    [
      'a histogram of a million bins',
      '{ parameterHistogram(bins: 1000000) { count } }',
      { code: 'BAD_USER_INPUT', argumentName: 'bins' },
      /bins is 1000000, at most 500/,
    ],
    [
      'a nested page of 10^9 rows',
      '{ sizeClusters { architectures(first: 1000000000) { totalCount } } }',
      { code: 'BAD_USER_INPUT', argumentName: 'first' },
      /first is 1000000000, at most 500/,
    ],
  ])('%s', async (_, query, extensions, message) => {
    const r = await timed(query);
    expect(r.status).toBe(400);
    expect(r.error?.extensions).toMatchObject(extensions);
    expect(r.error?.message).toMatch(message);
    expect(r.data).toBeUndefined();
    expect(r.sql).toBe(0);
    expect(r.ms).toBeLessThan(1000);
  });

  it('refuses 70,000 size-cluster ids naming the bound (no SQL statement sees them)', async () => {
    const r = await timed(
      'query ($f: ArchitectureFilter) { architectures(filter: $f) { totalCount } }',
      { f: { sizeClusters: Array.from({ length: 70_000 }, (_, i) => i) } },
    );
    expect(r.error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'filter',
      field: 'sizeClusters',
    });
    expect(r.error?.message).toMatch(/filter\.sizeClusters has 70000 items, at most 100/);
    expect(r.sql).toBe(0);
    expect(r.ms).toBeLessThan(1000);
  });

  it('costs an omitted variable with its default, not as the default page size', async () => {
    const nested = `query ($n: Int = 500) { architectures(first: $n) { edges { node {
      sizeCluster { architectures(first: $n) { edges { node { hash } } } } } } } }`;
    const r = await timed(nested);
    expect(r.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(r.error?.extensions?.complexity).toBeGreaterThan(100_000);
    expect(r.sql).toBe(0);
    // The same operation with a small page given is accepted.
    expect((await timed(nested, { n: 5 })).errors).toBeUndefined();
    const count = await timed(
      'query ($c: Int = 2147483647) { metrics(predictors: [{kind: MODEL_SIZE}], subsets: {count: $c}) { count } }',
    );
    expect(count.error?.extensions).toMatchObject({ argumentName: 'subsets', field: 'count' });
  });

  it('counts aliases reached through fragments', async () => {
    const fields = Array.from({ length: 26 }, (_, i) => `e${i}: experiments { id }`).join(' ');
    const r = await timed(`{ ...F } fragment F on Query { ${fields} }`);
    expect(r.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rootFields: 26 });
    expect(
      (await timed(`{ ...F } fragment F on Query { ${fields.split(' e25')[0]} }`)).errors,
    ).toBeUndefined();
  });
});

describe('argument checks name the argument', () => {
  const HASH = '0123456789abcdef0123456789abcdef';
  const cursor = (state: Record<string, unknown>) =>
    Buffer.from(JSON.stringify(state)).toString('base64url');

  it.each([
    ['upper case', HASH.toUpperCase()],
    ['too short', 'abc'],
    ['SQL', "' or 1=1 --"],
  ])('a malformed hash (%s) is BAD_USER_INPUT on hash', async (_, hash) => {
    const r = await timed('query ($h: ID!) { architecture(hash: $h) { hash } }', { h: hash });
    expect(r.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'hash' });
    expect(r.error?.message).toContain('32 lowercase hex digits');
    expect(r.sql).toBe(0);
  });

  it.each([
    ['a string sort key for FLOPS', { field: 'FLOPS', direction: 'ASC', value: 'abc', hash: HASH }],
    [
      'a fractional parameter count',
      { field: 'TRAINABLE_PARAMETERS', direction: 'ASC', value: 1.5, hash: HASH },
    ],
    ['a hash sort key that is a number', { field: 'HASH', direction: 'ASC', value: 7, hash: HASH }],
    ['a malformed hash', { field: 'FLOPS', direction: 'ASC', value: 1, hash: "x' --" }],
    ['an inherited field name', { field: 'constructor', direction: 'ASC', value: 1, hash: HASH }],
    ['a list', [1, 2]],
  ])('a cursor holding %s is BAD_USER_INPUT on after', async (_, state) => {
    const field = Array.isArray(state) ? 'HASH' : String((state as { field: string }).field);
    const orderBy = ['HASH', 'FLOPS', 'TRAINABLE_PARAMETERS'].includes(field) ? field : 'HASH';
    const r = await timed(
      'query ($a: String, $o: ArchitectureOrder) { architectures(after: $a, orderBy: $o) { totalCount } }',
      { a: cursor(state as Record<string, unknown>), o: { field: orderBy } },
    );
    expect(r.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});

describe('errors never echo a megabyte back', () => {
  const huge = 'x'.repeat(1_000_000);

  it.each([
    ['an Int variable', 'query ($n: Int) { architectures(first: $n) { totalCount } }', { n: huge }],
    ['a hash', 'query ($h: ID!) { architecture(hash: $h) { hash } }', { h: huge }],
    [
      'an operation name',
      'query ($f: ArchitectureFilter) { architectures(filter: $f) { totalCount } }',
      { f: { operations: [huge] } },
    ],
    ['an experiment id', 'query ($id: ID!) { experiment(id: $id) { name } }', { id: huge }],
    [
      'an unknown input field',
      'query ($f: ArchitectureFilter) { architectures(filter: $f) { totalCount } }',
      { f: { [huge]: 1 } },
    ],
  ])('%s', async (_, query, variables) => {
    const r = await timed(query, variables);
    expect(r.errors?.length).toBeGreaterThan(0);
    const body = JSON.stringify(r.errors);
    expect(body.length).toBeLessThan(1500);
    expect(body).toContain('…');
    expect(r.ms).toBeLessThan(1000);
  });

  it('a literal in the query text is cut too', async () => {
    const r = await timed(`{ architecture(hash: "${huge}") { hash } }`);
    expect(r.error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r.errors).length).toBeLessThan(1500);
  });
});

describe('production errors', () => {
  it('carry no stack trace and no path of the server', async () => {
    for (const query of [
      '{ architecture(hash: "nope") { hash } }',
      '{ nope }',
      '{ experiment(id: "424242") { name } }',
      aliases(26, () => 'experiments { id }'),
    ]) {
      const r = await gql(t.api.url, query);
      const body = JSON.stringify(r);
      expect(r.errors?.length).toBeGreaterThan(0);
      for (const error of r.errors ?? []) expect(error.extensions?.stacktrace).toBeUndefined();
      expect(body).not.toMatch(/\/work\/|node_modules|\.ts:\d+/);
    }
  });
});
