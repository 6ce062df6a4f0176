import type { ReductionRow } from '../api/types.ts';
import { type DiscoveredPoint, discoveredPoint } from './discovered.ts';

/** One search strategy of the search-space reduction, across training budgets. */
export interface ReductionLine {
  name: string;
  screening: ReductionRow['screening'];
  points: DiscoveredPoint[];
}

/**
 * Search-space reduction rows as lines: one per screening (none, NNGP top p %, random p %),
 * its points the training budgets in increasing cost (paper Fig. 8).
 *
 * @example toReductionLines(rows).map((l) => l.name) // ['no screening', 'NNGP top 30 %', 'random 30 %', …]
 */
export function toReductionLines(rows: ReductionRow[]): ReductionLine[] {
  const lines = new Map<string, ReductionLine>();
  for (const row of rows) {
    const name = strategyName(row);
    const point = discoveredPoint(
      `${name}, ${row.epochs}-epoch training`,
      row.costPflops,
      row.discovered,
    );
    if (point === null) continue;
    const line = lines.get(name) ?? { name, screening: row.screening, points: [] };
    line.points.push(point);
    lines.set(name, line);
  }
  for (const line of lines.values()) line.points.sort((a, b) => a.cost - b.cost);
  return [...lines.values()];
}

function strategyName(row: ReductionRow): string {
  if (row.screening === 'NONE' || row.keepPercent === null) return 'no screening';
  const kind = row.screening === 'NNGP' ? 'NNGP top' : 'random';
  return `${kind} ${row.keepPercent} %`;
}
