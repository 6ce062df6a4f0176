import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { architectures } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let a: TestDatabase;
let b: TestDatabase;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
}, 30_000);

const exists = async (probe: TestDatabase, name: string) =>
  (await probe.pool.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;

describe('createTestDatabase', { timeout: 30_000 }, () => {
  it('gives each caller its own fresh, migrated, empty database', async () => {
    expect(a.name).not.toBe(b.name);
    expect(a.name).toMatch(/^nngp_test_[0-9a-f]{12}$/);
    expect(new URL(a.url).pathname).toBe(`/${a.name}`);
    expect(await a.db.select().from(architectures)).toEqual([]);
    await a.db.insert(architectures).values({
      hash: 'a'.repeat(32),
      matrix: '0100',
      operations: ['input', 'output'],
      vertices: 2,
      edges: 1,
      trainableParameters: 1,
      flops: 1,
      residualConnections: 0,
    });
    expect(await b.db.select().from(architectures)).toEqual([]);
  });

  it('drops the database on close', async () => {
    const extra = await createTestDatabase();
    expect(await exists(a, extra.name)).toBe(true);
    await extra.close();
    expect(await exists(a, extra.name)).toBe(false);
  });
});
