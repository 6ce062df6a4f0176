import { describe, expect, it } from 'vitest';
import { DrawCapacityError, randomBatch } from '../../src/datasets/index.ts';

const POOL = Array.from({ length: 1000 }, (_, i) => 3 * i + 1);

describe('randomBatch', () => {
  it('samples distinct members of the pool without changing it', () => {
    const before = [...POOL];
    const batch = randomBatch(POOL, 256, 4);
    expect(POOL).toEqual(before);
    expect(batch).toHaveLength(256);
    expect(new Set(batch).size).toBe(256);
    const members = new Set(POOL);
    for (const item of batch) expect(members.has(item)).toBe(true);
    // A sample, not the pool's head.
    expect(batch).not.toEqual(POOL.slice(0, 256));
  });

  it('is deterministic per seed, and smaller batches are prefixes of larger ones', () => {
    const batch = randomBatch(POOL, 256, 4);
    expect(randomBatch(POOL, 256, 4)).toEqual(batch);
    expect(randomBatch(POOL, 10, 4)).toEqual(batch.slice(0, 10));
    expect(randomBatch(POOL, 256, 5)).not.toEqual(batch);
    const all = randomBatch(POOL, POOL.length, 4);
    expect([...all].sort((a, b) => a - b)).toEqual(POOL);
    expect(randomBatch(POOL, 0, 4)).toEqual([]);
  });

  it('draws every member about equally often', () => {
    const pool = Array.from({ length: 20 }, (_, i) => i);
    const counts = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) {
      for (const i of randomBatch(pool, 5, seed)) counts[i] = (counts[i] as number) + 1;
    }
    // 1000 expected each (binomial sd about 27); seeds are consecutive, so this also checks that
    // nearby seeds do not give correlated samples.
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(140);
  });

  it('refuses a batch larger than the pool', () => {
    expect(() => randomBatch([1, 2, 3], 4, 0)).toThrow(DrawCapacityError);
    expect(() => randomBatch([1, 2, 3], 4, 0)).toThrow(
      'cannot draw 4 batch items: the pool holds only 3 items (the sample is without replacement)',
    );
    expect(() => randomBatch([1, 2, 3], -1, 0)).toThrow(
      'batch size must be a non-negative integer, got -1',
    );
  });
});
