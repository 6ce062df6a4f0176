import type { PredictorMetrics } from '../api/types.ts';
import type { PredictorFamily, PredictorSpec } from '../predictors.ts';

/** One predictor on the τ/r-against-cost chart. */
export interface TauCostPoint {
  predictor: string;
  family: PredictorFamily;
  cost: number;
  kendallTau: number | null;
  pearson: number | null;
  /** Distances below and above the statistic to its 95 % bootstrap interval's ends (error bars). */
  kendallTauError: [number, number] | null;
  pearsonError: [number, number] | null;
  count: number;
}

/** An interval as error-bar lengths around `value`; null without one of them. */
export function errorAround(
  value: number | null,
  interval: { low: number; high: number } | null | undefined,
): [number, number] | null {
  if (value === null || interval == null) return null;
  return [value - interval.low, interval.high - value];
}

/**
 * Predictors with a known, positive cost become points (the cost axis is logarithmic); the
 * others are listed apart so the chart can say which it could not place.
 *
 * @example toTauCostPoints(metrics, specs).points[0] // { predictor: '4 epochs', family: 'training', cost: 12500, ... }
 */
export function toTauCostPoints(
  metrics: PredictorMetrics[],
  specs: PredictorSpec[],
): { points: TauCostPoint[]; unplaced: string[] } {
  const families = new Map(specs.map((spec) => [spec.label, spec.family]));
  const points: TauCostPoint[] = [];
  const unplaced: string[] = [];
  for (const metric of metrics) {
    const cost = metric.costPflops;
    if (cost === null || !(cost > 0) || (metric.kendallTau === null && metric.pearson === null)) {
      unplaced.push(metric.predictor);
      continue;
    }
    points.push({
      predictor: metric.predictor,
      family: families.get(metric.predictor) ?? 'proxy',
      cost,
      kendallTau: metric.kendallTau,
      pearson: metric.pearson,
      kendallTauError: errorAround(metric.kendallTau, metric.kendallTauInterval),
      pearsonError: errorAround(metric.pearson, metric.pearsonInterval),
      count: metric.count,
    });
  }
  return { points, unplaced };
}
