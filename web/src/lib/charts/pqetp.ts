import type { PredictorMetrics } from '../api/types.ts';

/** A row of the PQETP chart: one threshold with each predictor's AUROC by label. */
export type PqetpRow = { threshold: number } & Record<string, number | null>;

/**
 * PQETP curves in recharts' row form: one row per threshold, one column per predictor; an
 * undefined AUROC (everything on one side of the threshold) stays null, a gap in the line.
 *
 * @example toPqetpRows([{ predictor: '4 epochs', pqetp: [{ threshold: 0.9, auroc: 0.7 }], … }]).rows // [{ threshold: 0.9, '4 epochs': 0.7 }]
 */
export function toPqetpRows(metrics: PredictorMetrics[]): { rows: PqetpRow[]; series: string[] } {
  const byThreshold = new Map<number, PqetpRow>();
  const series: string[] = [];
  for (const metric of metrics) {
    if (metric.pqetp.every((point) => point.auroc === null)) continue;
    series.push(metric.predictor);
    for (const point of metric.pqetp) {
      const row = byThreshold.get(point.threshold) ?? ({ threshold: point.threshold } as PqetpRow);
      row[metric.predictor] = point.auroc;
      byThreshold.set(point.threshold, row);
    }
  }
  const rows = [...byThreshold.values()].sort((a, b) => a.threshold - b.threshold);
  return { rows, series };
}
