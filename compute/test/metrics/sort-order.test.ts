import { describe, expect, it } from 'vitest';
import { denseRanks, midranks, sortOrder } from '../../src/metrics/index.ts';
import { seededRandom } from '../support/fixtures.ts';

/** The reference: a stable comparison sort of the indices. */
function reference(values: number[], initial?: number[]): number[] {
  const start = initial ?? values.map((_, i) => i);
  return [...start].sort((a, b) => (values[a] as number) - (values[b] as number));
}

describe('sortOrder', () => {
  const random = seededRandom(3);

  it('orders negatives, zeros of both signs, subnormals and huge values', () => {
    const values = [3, -0, 0, -1e-310, 5e-324, -1e300, 1e300, -2, 0.5, -0.5, 2 ** -1074, -0];
    expect([...sortOrder(values)]).toEqual(reference(values));
  });

  it('is stable, and keeps an initial order among equal values', () => {
    const values = [2, 1, 2, 1, 2];
    expect([...sortOrder(values)]).toEqual([1, 3, 0, 2, 4]);
    const initial = [4, 3, 2, 1, 0];
    expect([...sortOrder(values, Uint32Array.from(initial))]).toEqual(reference(values, initial));
  });

  it('orders values that share their high 32 bits, in short and long runs', () => {
    // 1 + k·2⁻⁵² differ only in the low word: runs of one high word, in random order.
    for (const count of [10, 48, 49, 3000]) {
      const values = Array.from({ length: count }, () => 1 + Math.floor(random() * 1e6) * 2 ** -52);
      values.push(...values.slice(0, 5)); // and some exact ties in the run
      expect([...sortOrder(values)]).toEqual(reference(values));
    }
  });

  it('agrees with a comparison sort on random data with many ties, either side of the digit switch', () => {
    // Below 4,096 values the sort takes four 8-bit passes, from there two 16-bit ones.
    for (const length of [4_095, 4_096, 20_000]) {
      const values = Array.from({ length }, () => Math.round((random() - 0.3) * 1000) / 100);
      expect([...sortOrder(values)]).toEqual(reference(values));
      const initial = Array.from({ length }, (_, i) => length - 1 - i);
      expect([...sortOrder(values, Uint32Array.from(initial))]).toEqual(reference(values, initial));
    }
  });
});

describe('ranks', () => {
  it('dense ranks share a rank per distinct value; -0 equals 0', () => {
    expect(denseRanks([0.3, 0.1, 0.3, -0, 0])).toEqual({
      ranks: Int32Array.of(2, 1, 2, 0, 0),
      distinct: 3,
    });
  });

  it('mid-ranks average the ranks a tie spans (scipy rankdata average)', () => {
    expect([...midranks([10, 20, 20, 30, 20])]).toEqual([1, 3, 3, 5, 3]);
  });
});
