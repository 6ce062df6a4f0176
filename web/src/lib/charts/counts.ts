import { formatCount } from './format.ts';

/**
 * The n behind each predictor's statistics, for figure notes: one n when every predictor has
 * the same, else each predictor's.
 *
 * @example describeCounts([{ predictor: '4 epochs', count: 40 }, { predictor: 'NNGP 20/20/1', count: 38 }]) // 'n: 4 epochs 40 · NNGP 20/20/1 38.'
 */
export function describeCounts(metrics: readonly { predictor: string; count: number }[]): string {
  if (metrics.length === 0) return '';
  const counts = new Set(metrics.map((metric) => metric.count));
  if (counts.size === 1) {
    const [n = 0] = counts;
    return `n = ${formatCount(n)} architectures for every predictor.`;
  }
  return `n: ${metrics.map((metric) => `${metric.predictor} ${formatCount(metric.count)}`).join(' · ')}.`;
}
