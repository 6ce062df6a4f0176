import type { Discovered, PredictorMetrics } from '../api/types.ts';
import type { PredictorFamily, PredictorSpec } from '../predictors.ts';

/** A point of discovered performance against cost, with its standard-error band. */
export interface DiscoveredPoint {
  label: string;
  cost: number;
  mean: number;
  standardError: number | null;
  /** [mean − SE, mean + SE]; the mean twice without an SE. */
  band: [number, number];
}

/** A line of the discovered-vs-cost chart: one family of predictors ordered by cost. */
export interface DiscoveredSeries {
  name: string;
  family: PredictorFamily;
  points: DiscoveredPoint[];
}

/**
 * The point for one discovered result at a cost; null when the cost is unknown (log axis).
 *
 * @example discoveredPoint('4 epochs', 12500, { mean: 0.93, standardError: 0.002, topK: 10, subsetSize: 10000 })?.band // [0.928, 0.932]
 */
export function discoveredPoint(
  label: string,
  cost: number | null,
  discovered: Discovered | null,
): DiscoveredPoint | null {
  if (discovered === null || cost === null || !(cost > 0)) return null;
  const se = discovered.standardError ?? 0;
  return {
    label,
    cost,
    mean: discovered.mean,
    standardError: discovered.standardError,
    band: [discovered.mean - se, discovered.mean + se],
  };
}

/**
 * Discovered performance grouped into lines: training budgets form one line, each
 * experiment's NNGP configurations another, in increasing cost (paper Fig. 3).
 *
 * @example toDiscoveredSeries(metrics, specs).map((s) => s.name) // ['training', 'NNGP']
 */
export function toDiscoveredSeries(
  metrics: PredictorMetrics[],
  specs: PredictorSpec[],
): DiscoveredSeries[] {
  const specByLabel = new Map(specs.map((spec) => [spec.label, spec]));
  const series = new Map<string, DiscoveredSeries>();
  for (const metric of metrics) {
    const spec = specByLabel.get(metric.predictor);
    const point = discoveredPoint(metric.predictor, metric.costPflops, metric.discovered);
    if (spec === undefined || point === null) continue;
    const name = seriesName(spec);
    const line = series.get(name) ?? { name, family: spec.family, points: [] };
    line.points.push(point);
    series.set(name, line);
  }
  for (const line of series.values()) line.points.sort((a, b) => a.cost - b.cost);
  return [...series.values()];
}

function seriesName(spec: PredictorSpec): string {
  if (spec.family === 'training') return 'training';
  if (spec.family === 'nngp' || spec.family === 'ntk') {
    const kernel = spec.family === 'ntk' ? 'NTK' : 'NNGP';
    const experimentName = /\((.*)\)$/.exec(spec.label)?.[1];
    return experimentName === undefined ? kernel : `${kernel} (${experimentName})`;
  }
  return spec.label;
}
