/** A model-size cluster: a run of parameter counts with no gap wider than the split threshold. */
export interface SizeCluster {
  /** 0-based, in increasing parameter order. */
  id: number;
  minParameters: number;
  maxParameters: number;
  label: string;
}

/** Default split: consecutive distinct parameter counts more than this apart start a new cluster. */
export const DEFAULT_CLUSTER_GAP = 1_000_000;

/**
 * Clusters from the gaps in `distinctParameters` (sorted ascending, distinct): a new cluster
 * starts wherever two consecutive counts are more than `gap` apart.
 *
 * @example clustersFromGaps([1e5, 2e5, 5e6]) // two clusters: 0.1M–0.2M and 5.0M–5.0M
 */
export function clustersFromGaps(
  distinctParameters: readonly number[],
  gap: number = DEFAULT_CLUSTER_GAP,
): SizeCluster[] {
  const clusters: SizeCluster[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  for (const p of distinctParameters) {
    if (previous !== undefined && p < previous) {
      throw new RangeError('parameter counts must be sorted ascending');
    }
    if (start === undefined) start = p;
    else if (p - (previous as number) > gap) {
      clusters.push(makeCluster(clusters.length, start, previous as number));
      start = p;
    }
    previous = p;
  }
  if (start !== undefined) clusters.push(makeCluster(clusters.length, start, previous as number));
  return clusters;
}

/**
 * Clusters from explicit boundaries: `[10e6]` gives "< 10M" and "≥ 10M"; a count equal to a
 * boundary belongs to the cluster above it.
 *
 * @example clustersFromBoundaries([10_000_000]).map((c) => c.label) // ['< 10.0M', '≥ 10.0M']
 */
export function clustersFromBoundaries(boundaries: readonly number[]): SizeCluster[] {
  const sorted = [...boundaries].sort((a, b) => a - b);
  sorted.forEach((b, i) => {
    if (!Number.isFinite(b) || b <= 0)
      throw new RangeError(`cluster boundary ${b} is not a positive number`);
    if (i > 0 && b === sorted[i - 1]) throw new RangeError(`cluster boundary ${b} is given twice`);
  });
  const edges = [0, ...sorted, Number.POSITIVE_INFINITY];
  return edges.slice(0, -1).map((lo, i) => {
    const hi = edges[i + 1] as number;
    const label =
      i === 0
        ? `< ${millions(hi)}`
        : hi === Number.POSITIVE_INFINITY
          ? `≥ ${millions(lo)}`
          : `${millions(lo)}–${millions(hi)}`;
    return {
      id: i,
      minParameters: lo,
      maxParameters: hi === Number.POSITIVE_INFINITY ? hi : hi - 1,
      label,
    };
  });
}

/** The cluster holding `parameters`, or undefined when it falls in a gap. */
export function clusterOf(
  clusters: readonly SizeCluster[],
  parameters: number,
): SizeCluster | undefined {
  return clusters.find((c) => parameters >= c.minParameters && parameters <= c.maxParameters);
}

function makeCluster(id: number, min: number, max: number): SizeCluster {
  return { id, minParameters: min, maxParameters: max, label: `${millions(min)}–${millions(max)}` };
}

function millions(n: number): string {
  return `${(n / 1e6).toFixed(1)}M`;
}
