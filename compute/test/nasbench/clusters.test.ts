import { describe, expect, it } from 'vitest';
import { clusterOf, clustersFromBoundaries, clustersFromGaps } from '../../src/nasbench/index.ts';

describe('clustersFromGaps', () => {
  it('starts a cluster wherever consecutive counts are more than the gap apart', () => {
    const clusters = clustersFromGaps([100, 900_000, 1_900_001, 2_000_000, 5_000_000]);
    expect(clusters.map((c) => [c.minParameters, c.maxParameters])).toEqual([
      [100, 900_000],
      [1_900_001, 2_000_000],
      [5_000_000, 5_000_000],
    ]);
  });

  it('keeps counts exactly one gap apart together', () => {
    expect(clustersFromGaps([0, 1_000_000, 2_000_000])).toHaveLength(1);
  });

  it('handles empty input and rejects unsorted input', () => {
    expect(clustersFromGaps([])).toEqual([]);
    expect(() => clustersFromGaps([3, 2])).toThrowError('sorted ascending');
  });
});

describe('clustersFromBoundaries', () => {
  it('splits at explicit boundaries, a boundary belonging to the cluster above', () => {
    const clusters = clustersFromBoundaries([10_000_000]);
    expect(clusters.map((c) => c.label)).toEqual(['< 10.0M', '≥ 10.0M']);
    expect(clusterOf(clusters, 9_999_999)?.id).toBe(0);
    expect(clusterOf(clusters, 10_000_000)?.id).toBe(1);
  });

  it('rejects bad boundaries', () => {
    expect(() => clustersFromBoundaries([-1])).toThrowError('not a positive number');
    expect(() => clustersFromBoundaries([5, 5])).toThrowError('given twice');
  });
});
