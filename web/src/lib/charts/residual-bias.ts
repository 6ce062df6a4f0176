import type { ResidualBiasRow } from '../api/types.ts';

/** A row of the residual-bias chart: one residual count with each predictor's mean percentile. */
export type ResidualBiasChartRow = { residualConnections: number; architectures: number } & Record<
  string,
  number
>;

/**
 * Residual-bias rows in recharts' row form, one column per predictor, by residual count.
 *
 * @example toResidualBiasRows([{ residualConnections: 0, architectures: 5, percentiles: [{ predictor: '4 epochs', meanPercentile: 31 }] }]).rows
 * // [{ residualConnections: 0, architectures: 5, '4 epochs': 31 }]
 */
export function toResidualBiasRows(rows: ResidualBiasRow[]): {
  rows: ResidualBiasChartRow[];
  series: string[];
} {
  const series: string[] = [];
  const chartRows = [...rows]
    .sort((a, b) => a.residualConnections - b.residualConnections)
    .map((row) => {
      const chartRow = {
        residualConnections: row.residualConnections,
        architectures: row.architectures,
      } as ResidualBiasChartRow;
      for (const { predictor, meanPercentile } of row.percentiles) {
        if (!series.includes(predictor)) series.push(predictor);
        chartRow[predictor] = meanPercentile;
      }
      return chartRow;
    });
  return { rows: chartRows, series };
}
