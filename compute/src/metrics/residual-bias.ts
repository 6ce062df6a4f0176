import { MetricsInputError } from './errors.ts';
import { midranks } from './sort-order.ts';
import { restrict, type Subset } from './subsets.ts';
import { checkSameLength, checkSeries, type Series } from './validate.ts';

/** One residual-connection count and the mean percentile rank of its architectures. */
export interface ResidualBiasRow {
  residualConnections: number;
  architectures: number;
  /** Per predictor: mean percentile rank (0–100) of these architectures under it. */
  meanPercentile: Record<string, number>;
}

/**
 * Residual-connection bias (paper Fig. 4): for each residual count, the mean percentile rank of
 * the architectures with that count under each predictor (4/12/36/108-epoch training, NNGP …).
 * An architecture's percentile rank is 100·(#below + ½·#equal)/n, i.e. `scipy.stats.
 * percentileofscore(values, value, kind='mean')`, computed within `subset` when given.
 *
 * @throws MetricsInputError on bad series or lengths, or a non-integer residual count.
 * @example residualBias(residuals, { 'epochs 4': e4, 'epochs 108': truth, nngp })
 * // [{ residualConnections: 0, architectures: 812, meanPercentile: { 'epochs 4': 31.2, … } }, …]
 */
export function residualBias(
  residualConnections: Series,
  predictors: Readonly<Record<string, Series>>,
  subset?: Subset,
): ResidualBiasRow[] {
  checkSeries('residualConnections', residualConnections);
  const n = residualConnections.length;
  for (const [name, values] of Object.entries(predictors)) {
    checkSeries(`predictors.${name}`, values);
    checkSameLength(`predictors.${name}`, values, n, 'residualConnections');
  }
  const counts = restrict(residualConnections, subset);
  const byCount = new Map<number, number[]>();
  counts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0)
      throw new MetricsInputError('residualConnections', `entry ${i} is ${c}, expected a count`);
    const members = byCount.get(c);
    if (members) members.push(i);
    else byCount.set(c, [i]);
  });
  const percentiles = Object.entries(predictors).map(([name, values]) => {
    const ranks = midranks(restrict(values, subset));
    return [name, ranks.map((r) => (100 * (r - 0.5)) / counts.length)] as const;
  });
  return [...byCount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([residuals, members]) => ({
      residualConnections: residuals,
      architectures: members.length,
      meanPercentile: Object.fromEntries(
        percentiles.map(([name, p]) => [
          name,
          members.reduce((sum, i) => sum + (p[i] as number), 0) / members.length,
        ]),
      ),
    }));
}
