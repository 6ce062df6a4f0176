import type { NngpResult } from '../api/types.ts';
import { nngpLabel } from '../predictors.ts';

/** A row of the regularizer chart: one ε with each configuration's accuracy. */
export type RegularizerRow = { regularizer: number } & Record<string, number | null>;

/**
 * NNGP validation accuracy per regularizer ε, one column per stored configuration (labelled
 * with its experiment when several experiments evaluated the architecture).
 *
 * @example toRegularizerRows(results).series // ['NNGP 100/200 ×2']
 */
export function toRegularizerRows(results: NngpResult[]): {
  rows: RegularizerRow[];
  series: string[];
} {
  const experiments = new Set(results.map((r) => r.experiment.id));
  const rows = new Map<number, RegularizerRow>();
  const series: string[] = [];
  for (const result of results) {
    const label = nngpLabel(
      result,
      experiments.size > 1 ? result.experiment.name : undefined,
      result.kind,
    );
    series.push(label);
    result.regularizers.forEach((regularizer, index) => {
      const row = rows.get(regularizer) ?? ({ regularizer } as RegularizerRow);
      row[label] = result.accuracies[index] ?? null;
      rows.set(regularizer, row);
    });
  }
  return { rows: [...rows.values()].sort((a, b) => a.regularizer - b.regularizer), series };
}
