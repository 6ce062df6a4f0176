import type { Db } from '@nngp-nas/db';
import { describe, expect, it } from 'vitest';
import { analysisCacheUsage, cachedAnalysis } from '../src/cache/analysis-cache.ts';
import { estimateBytes, LruCache } from '../src/cache/lru.ts';

/** A Db whose only query, the data version, answers `version.n`; each one has its own cache. */
function fakeDb(version = { n: 1 }): Db {
  const where = async () => [{ version: version.n }];
  return { select: () => ({ from: () => ({ where }) }) } as unknown as Db;
}

/** A result whose estimated size is about `bytes`. */
const resultOf = (bytes: number) => ({ text: 'x'.repeat(Math.floor(bytes / 2)) });

describe('LruCache bounded by bytes', () => {
  it('keeps its estimated total within the budget, dropping the least recently used', () => {
    const lru = new LruCache<object>({ maxBytes: 10_000 });
    for (let i = 0; i < 20; i++) {
      lru.set(`k${i}`, resultOf(2_000));
      expect(lru.bytes).toBeLessThanOrEqual(10_000);
    }
    expect(lru.size).toBe(4);
    expect(lru.peek('k19')).toBeDefined();
    expect(lru.peek('k0')).toBeUndefined();
  });

  it('does not keep an entry larger than the whole budget, and drops what it replaces', () => {
    const lru = new LruCache<object>({ maxBytes: 1_000 });
    lru.set('a', resultOf(100));
    lru.set('a', resultOf(5_000));
    expect(lru.peek('a')).toBeUndefined();
    expect(lru.bytes).toBe(0);
  });

  it('estimates bytes as JSON characters at two bytes each', () => {
    expect(estimateBytes({ a: 1 })).toBe(14);
    expect(estimateBytes(Promise.resolve())).toBe(1024);
  });
});

describe('cachedAnalysis', () => {
  it('shares one computation between identical concurrent calls', async () => {
    const db = fakeDb();
    let runs = 0;
    const compute = async () => {
      runs++;
      return resultOf(100);
    };
    const [a, b] = await Promise.all([
      cachedAnalysis(db, 'f', { x: 1 }, compute),
      cachedAnalysis(db, 'f', { x: 1 }, compute),
    ]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
    await cachedAnalysis(db, 'f', { x: 1 }, compute);
    expect(runs).toBe(1);
  });

  it('does not keep a failure', async () => {
    const db = fakeDb();
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error('boom');
    };
    await expect(cachedAnalysis(db, 'f', {}, failing)).rejects.toThrow('boom');
    await expect(cachedAnalysis(db, 'f', {}, failing)).rejects.toThrow('boom');
    expect(runs).toBe(2);
    expect(analysisCacheUsage(db).entries).toBe(0);
  });

  it('charges a result its size once known and stays under the byte budget', async () => {
    const db = fakeDb();
    const options = { maxBytes: 50_000 };
    for (let i = 0; i < 30; i++) {
      await cachedAnalysis(db, 'f', { i }, async () => resultOf(10_000), options);
      await Promise.resolve(); // the size is charged when the result settles
      expect(analysisCacheUsage(db).bytes).toBeLessThanOrEqual(50_000);
    }
    expect(analysisCacheUsage(db).entries).toBe(4);
  });

  it('returns but does not keep a result larger than the budget', async () => {
    const db = fakeDb();
    const options = { maxBytes: 10_000 };
    let runs = 0;
    const big = async () => {
      runs++;
      return resultOf(50_000);
    };
    expect((await cachedAnalysis(db, 'f', {}, big, options)).text.length).toBe(25_000);
    await Promise.resolve();
    expect(analysisCacheUsage(db)).toEqual({ entries: 0, bytes: 0 });
    await cachedAnalysis(db, 'f', {}, big, options);
    expect(runs).toBe(2);
  });

  it('drops every result when the data version moves', async () => {
    const version = { n: 1 };
    const db = fakeDb(version);
    let runs = 0;
    const compute = async () => ++runs;
    await cachedAnalysis(db, 'f', {}, compute);
    version.n = 2;
    expect(await cachedAnalysis(db, 'f', {}, compute)).toBe(2);
  });
});
