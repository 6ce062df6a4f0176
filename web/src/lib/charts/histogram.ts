import type { HistogramBin, SizeCluster } from '../api/types.ts';

/** A histogram bar: its bin, centre on the log axis (and as a label, in millions) and its size cluster. */
export interface HistogramBar extends HistogramBin {
  /** Geometric centre of the bin (the axis is logarithmic). */
  centre: number;
  label: string;
  cluster: number | null;
}

/**
 * Parameter-count bins as bars, each tagged with the default size cluster containing its
 * centre (null in the gaps between clusters), for colouring by cluster (paper Fig. S7).
 *
 * @example toHistogramBars([{ min: 1e6, max: 4e6, count: 3 }], clusters)[0]?.centre // 2000000
 */
export function toHistogramBars(bins: HistogramBin[], clusters: SizeCluster[]): HistogramBar[] {
  return bins.map((bin) => {
    const centre = Math.sqrt(Math.max(bin.min, 1) * Math.max(bin.max, 1));
    const cluster = clusters.find(
      (c) => centre >= c.minParameters && (c.maxParameters === null || centre <= c.maxParameters),
    );
    return {
      ...bin,
      centre,
      label: `${formatMillions(centre)}M`,
      cluster: cluster?.id ?? null,
    };
  });
}

function formatMillions(parameters: number): string {
  const millions = parameters / 1e6;
  return String(Number(millions.toPrecision(2)));
}
