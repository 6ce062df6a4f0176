import { describe, expect, it } from 'vitest';
import { MetricsInputError, pearson } from '../../src/metrics/index.ts';
import { scipy } from './reference.ts';

describe('pearson', () => {
  it('matches a hand computation', () => {
    // Centred: x = (−1, 0, 1), y = (−7/3, −1/3, 8/3): r = 5 / √(2 · 38/3).
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt((2 * 38) / 3), 15);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
  });

  it('is null for constant input, even where centring leaves rounding noise', () => {
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearson(new Array(7).fill(0.9123456789), [1, 2, 3, 4, 5, 6, 7])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it('refuses bad input', () => {
    expect(() => pearson([1, 2], [1])).toThrow(MetricsInputError);
    expect(() => pearson([Number.NaN, 1], [1, 2])).toThrow(/x: entry 0 is NaN/);
  });

  it.each(scipy.correlations.map((c) => [c.name, c] as const))(
    'agrees with scipy.stats.pearsonr: %s',
    (_, c) => {
      expect(Math.abs((pearson(c.x, c.y) as number) - c.pearson)).toBeLessThan(1e-12);
    },
  );
});
