import { describe, expect, it } from 'vitest';
import {
  inversionsAndTies,
  kendallTau,
  kendallTauOfRanks,
  MetricsInputError,
} from '../../src/metrics/index.ts';
import { seededRandom } from '../support/fixtures.ts';
import { naiveKendallTau, scipy } from './reference.ts';

describe('kendallTau by hand', () => {
  it('counts concordant and discordant pairs without ties', () => {
    // Pairs: 6; only (2,3) vs (3,2) is discordant: (5 − 1)/6.
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(2 / 3, 15);
  });

  it('uses the τ-b denominator with ties in x, in y and in both', () => {
    // x = [1,1,2,3], y = [1,2,2,3]: 6 pairs, n1 = 1 tie in x, n2 = 1 tie in y, no joint tie;
    // concordant 4, discordant 0 → 4 / √(5·5) = 0.8.
    expect(kendallTau([1, 1, 2, 3], [1, 2, 2, 3])).toBeCloseTo(0.8, 15);
    // A joint tie: x = [1,1,2], y = [5,5,6]: n1 = n2 = n3 = 1, P − Q = 2 → 2/√2/√2 = 1 (up to
    // the rounding of scipy's order of operations, which this follows).
    expect(kendallTau([1, 1, 2], [5, 5, 6])).toBeCloseTo(1, 15);
  });

  it('returns null where τ-b is undefined', () => {
    expect(kendallTau([1], [2])).toBeNull();
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTau([1, 2, 3], [4, 4, 4])).toBeNull();
  });

  it('refuses NaN, infinities, empty and mismatched input', () => {
    expect(() => kendallTau([1, Number.NaN], [1, 2])).toThrow(MetricsInputError);
    expect(() => kendallTau([1, 2], [1, Number.POSITIVE_INFINITY])).toThrow(
      /y: entry 1 is Infinity/,
    );
    expect(() => kendallTau([], [])).toThrow(/x: is empty/);
    expect(() => kendallTau([1, 2, 3], [1, 2])).toThrow(/y: has 2 values, expected 3/);
  });
});

describe('kendallTau properties', () => {
  const random = seededRandom(7);
  // Integers, so sums and monotone maps cannot merge or split values by rounding.
  const series = (n: number, levels: number) =>
    Array.from({ length: n }, () => Math.floor(random() * levels) - Math.floor(levels / 2));

  it('is 1 against itself, −1 against its reverse, and unchanged by monotone maps', () => {
    for (const levels of [3, 50, 1e9]) {
      const x = series(500, levels);
      const y = x.map((v, i) => v + (i % 7) * Math.ceil(levels / 20));
      expect(kendallTau(x, x)).toBeCloseTo(1, 15);
      expect(
        kendallTau(
          x,
          x.map((v) => -v),
        ),
      ).toBeCloseTo(-1, 15);
      const tau = kendallTau(x, y) as number;
      expect(kendallTau(y, x)).toBeCloseTo(tau, 14);
      expect(
        kendallTau(
          x,
          y.map((v) => -v),
        ),
      ).toBeCloseTo(-tau, 14);
      expect(
        kendallTau(
          x.map((v) => Math.exp((3 * v) / levels)),
          y.map((v) => Math.atan((5 * v) / levels)),
        ),
      ).toBeCloseTo(tau, 14);
    }
  });

  it('agrees with the quadratic definition on random series with every kind of tie', () => {
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + Math.floor(random() * 300);
      const x = series(n, 1 + Math.floor(random() * 30));
      const y = series(n, 1 + Math.floor(random() * 30));
      const expected = naiveKendallTau(x, y);
      const actual = kendallTau(x, y);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 13);
    }
  });

  it('orders values that share their high 32 bits (the run fix-up of the sort) correctly', () => {
    // 1 + k·2⁻⁵² differ only in the low word: one long run of one high word; with j·2⁻²⁰
    // added, 50 high words with short runs.
    for (const [groups, spread] of [
      [1, 20],
      [1, 5000],
      [50, 4],
    ] as const) {
      const x = Array.from(
        { length: 400 },
        () =>
          1 + Math.floor(random() * groups) * 2 ** -20 + Math.floor(random() * spread) * 2 ** -52,
      );
      const y = x.map((v) => v + Math.floor(random() * 3) * 2 ** -50);
      expect(kendallTau(x, y)).toBeCloseTo(naiveKendallTau(x, y) as number, 13);
      expect(kendallTau(y, x)).toBeCloseTo(naiveKendallTau(y, x) as number, 13);
    }
  });

  it('is invariant under a shuffle of the pairs', () => {
    const x = series(1000, 40);
    const y = x.map((v) => v + Math.floor(random() * 10));
    const order = Array.from({ length: x.length }, (_, i) => i).sort(() => random() - 0.5);
    expect(
      kendallTau(
        order.map((i) => x[i] as number),
        order.map((i) => y[i] as number),
      ),
    ).toBe(kendallTau(x, y));
  });

  it('matches the rank core it shares with the bootstrap', () => {
    expect(kendallTauOfRanks(Int32Array.of(0, 1, 2), 3, Int32Array.of(0, 2, 1), 3)).toBeCloseTo(
      1 / 3,
      15,
    );
    // Ranks with gaps (as a bootstrap resample leaves them) are fine.
    expect(kendallTauOfRanks(Int32Array.of(0, 9, 4), 10, Int32Array.of(7, 2, 3), 8)).toBeCloseTo(
      kendallTau([0, 9, 4], [7, 2, 3]) as number,
      15,
    );
  });

  it('counts inversions and tied pairs', () => {
    expect(inversionsAndTies(Int32Array.of(3, 1, 2, 1), 4)).toEqual({
      inversions: 4,
      tiedPairs: 1,
    });
    expect(inversionsAndTies(Int32Array.of(0, 0, 0), 1)).toEqual({ inversions: 0, tiedPairs: 3 });
  });
});

describe('kendallTau against scipy.stats.kendalltau', () => {
  it.each(scipy.correlations.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(Math.abs((kendallTau(c.x, c.y) as number) - c.kendallTau)).toBeLessThan(1e-12);
  });
});
