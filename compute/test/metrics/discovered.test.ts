import { describe, expect, it } from 'vitest';
import {
  checkSubset,
  discoveredPerformance,
  filterArchitectures,
  MetricsInputError,
  meanAndStandardError,
  randomSubsets,
  restrict,
  topK,
} from '../../src/metrics/index.ts';

describe('topK', () => {
  it('takes the k highest, ties at the k-th place going to the earlier candidate', () => {
    const predictor = [0.5, 0.9, 0.7, 0.9, 0.7, 0.7];
    expect(topK(predictor, [0, 1, 2, 3, 4, 5], 2)).toEqual([1, 3]);
    expect(topK(predictor, [0, 1, 2, 3, 4, 5], 3)).toEqual([1, 3, 2]);
    // Candidate order decides the tie: with 4 before 2, architecture 4 wins.
    expect(topK(predictor, [0, 1, 4, 3, 2, 5], 3)).toEqual([1, 3, 2]);
    expect(topK(predictor, [4, 2, 5], 1)).toEqual([0]);
  });

  it('gives the same set by sort (large k) as by insertion (small k)', () => {
    const predictor = Array.from({ length: 1000 }, (_, i) => (i * 37) % 101);
    const candidates = Array.from({ length: 1000 }, (_, i) => (i * 7) % 1000);
    const big = topK(predictor, candidates, 200);
    expect(big).toHaveLength(200);
    expect(big.slice(0, 60)).toEqual(topK(predictor, candidates, 60));
  });
});

describe('discoveredPerformance', () => {
  it('is the best ground truth among the top k of each subset', () => {
    const truth = [0.9, 0.95, 0.8, 0.85, 0.93];
    const predictor = [5, 1, 4, 3, 2];
    // Subset [0,1,2]: top 2 by predictor are 0 and 2 → best truth 0.9.
    // Subset [1,3,4]: top 2 are 3 and 4 → 0.93.
    const result = discoveredPerformance(
      truth,
      predictor,
      [
        [0, 1, 2],
        [1, 3, 4],
      ],
      2,
    );
    expect(result.values).toEqual([0.9, 0.93]);
    expect(result.mean).toBeCloseTo(0.915, 15);
    expect(result.standardError).toBeCloseTo(0.015, 15);
  });

  it('standard error is the sample deviation over √R, null for one subset', () => {
    expect(meanAndStandardError([1, 2, 3])).toEqual({
      mean: 2,
      standardError: Math.sqrt(1 / 3),
    });
    expect(meanAndStandardError([4])).toEqual({ mean: 4, standardError: null });
  });
});

describe('subsets', () => {
  it('draws seeded subsets of distinct indices; subset r depends only on (seed, r)', () => {
    const a = randomSubsets({ count: 3, size: 50, seed: 5 }, 200);
    const b = randomSubsets({ count: 2, size: 50, seed: 5 }, 200);
    expect(a).toHaveLength(3);
    expect(a.slice(0, 2)).toEqual(b);
    for (const s of a) {
      expect(new Set(s).size).toBe(50);
      expect(Math.max(...s)).toBeLessThan(200);
    }
    expect(randomSubsets({ count: 1, size: 50, seed: 6 }, 200)[0]).not.toEqual(a[0]);
    expect(() => randomSubsets({ count: 1, size: 201, seed: 0 }, 200)).toThrow(
      /more than the 200 architectures/,
    );
    expect(() => randomSubsets({ count: 0, size: 2, seed: 0 }, 200)).toThrow(MetricsInputError);
  });

  it('checks explicit subsets', () => {
    expect(() => checkSubset('s', [0, 3], 4)).not.toThrow();
    expect(() => checkSubset('s', [0, 4], 4)).toThrow(/entry 1 is 4/);
    expect(() => checkSubset('s', [1, 1], 4)).toThrow(/repeats index 1/);
    expect(() => checkSubset('s', [], 4)).toThrow(/empty/);
  });

  it('filters by size cluster, residual range and parameters', () => {
    const attributes = {
      sizeCluster: [0, 1, 0, null, 0],
      residualConnections: [0, 2, 3, 1, 2],
      trainableParameters: [1e6, 2e7, 3e6, 5e6, 8e6],
    };
    expect([...filterArchitectures(attributes, { sizeClusters: [0] }, 5)]).toEqual([0, 2, 4]);
    expect([
      ...filterArchitectures(attributes, { residualConnections: { min: 1, max: 2 } }, 5),
    ]).toEqual([1, 3, 4]);
    expect([
      ...filterArchitectures(
        attributes,
        { sizeClusters: [0], trainableParameters: { max: 5e6 } },
        5,
      ),
    ]).toEqual([0, 2]);
    expect(() => filterArchitectures({}, { sizeClusters: [0] }, 5)).toThrow(/sizeCluster/);
    expect([...restrict([5, 6, 7, 8], [3, 0])]).toEqual([8, 5]);
  });
});
