import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, randomInt, shuffle } from '../../src/datasets/index.ts';

const take = (random: () => number, n: number) => Array.from({ length: n }, random);

describe('createRandom', () => {
  // Expected values: `python3 compute/test/datasets/mulberry32_reference.py` (an independent
  // implementation of mulberry32 in Python, committed beside this test).
  it('gives the reference mulberry32 sequence (values from a Python implementation)', () => {
    expect(take(createRandom(0), 3)).toEqual([
      0.26642920868471265, 0.0003297457005828619, 0.2232720274478197,
    ]);
    expect(take(createRandom(42), 3)).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
    expect(take(createRandom(2 ** 32 - 1), 3)).toEqual([
      0.8964226141106337, 0.189478256739676, 0.7156526781618595,
    ]);
  });

  it('stays in [0, 1) in multiples of 2^-32, and differs between seeds', () => {
    const values = take(createRandom(7), 10_000);
    for (const v of values) {
      expect(v >= 0 && v < 1).toBe(true);
      expect(Number.isInteger(v * 2 ** 32)).toBe(true);
    }
    expect(take(createRandom(8), 5)).not.toEqual(values.slice(0, 5));
  });

  it('rejects seeds outside [0, 2^32)', () => {
    for (const seed of [-1, 2 ** 32, 1.5, Number.NaN]) {
      expect(() => createRandom(seed)).toThrow(`seed must be an integer in [0, 2^32), got ${seed}`);
    }
  });
});

describe('deriveSeed', () => {
  it('is deterministic and gives distinct seeds for distinct paths', () => {
    expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3));
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      seeds.add(deriveSeed(seed));
      for (let stream = 0; stream < 20; stream++) seeds.add(deriveSeed(seed, stream));
    }
    expect(seeds.size).toBe(20 * 21);
    expect(deriveSeed(0, 1, 2)).not.toBe(deriveSeed(0, 2, 1));
    for (const seed of seeds) expect(() => createRandom(seed)).not.toThrow();
    expect(() => deriveSeed(0, -3)).toThrow('path[0] must be an integer in [0, 2^32), got -3');
  });
});

describe('randomInt', () => {
  it('covers [0, n) about evenly', () => {
    const random = createRandom(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const k = randomInt(random, 6);
      counts[k] = (counts[k] as number) + 1;
    }
    // 10,000 expected per face; 5 standard deviations is about 460.
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(460);
    expect(randomInt(random, 1)).toBe(0);
  });

  it('rejects draws from the incomplete last block of 2^32', () => {
    // n = 3·2^30: values at or above 3·2^30 are redrawn, so 0.8 (→ 0.8·2^32) is skipped.
    const draws = [0.8, 0.25];
    const random = () => draws.shift() as number;
    expect(randomInt(random, 3 * 2 ** 30)).toBe(2 ** 30);
  });

  it('rejects an empty or non-integer range', () => {
    expect(() => randomInt(createRandom(0), 0)).toThrow(
      'randomInt range must be an integer in [1, 2^32], got 0',
    );
    expect(() => randomInt(createRandom(0), 2.5)).toThrow(RangeError);
  });
});

describe('shuffle', () => {
  it('permutes in place, deterministically per seed', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = shuffle([...items], createRandom(5));
    expect(a).not.toEqual(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(shuffle([...items], createRandom(5))).toEqual(a);
    expect(shuffle([...items], createRandom(6))).not.toEqual(a);
    const inPlace = [...items];
    expect(shuffle(inPlace, createRandom(5))).toBe(inPlace);
  });

  it('makes a partial shuffle’s sample a prefix of the full shuffle', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const full = shuffle([...items], createRandom(11));
    for (const count of [0, 1, 7, 49, 50]) {
      expect(shuffle([...items], createRandom(11), count).slice(0, count)).toEqual(
        full.slice(0, count),
      );
    }
    expect(() => shuffle([1, 2], createRandom(0), 3)).toThrow(
      'shuffle count must be an integer in [0, 2], got 3',
    );
  });

  it('is uniform over the permutations of three items', () => {
    const random = createRandom(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffle([0, 1, 2], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(460);
  });
});
