import { DEFAULT_SPACE, spaceLabel } from './space.ts';
import type { DashboardFilter, Range } from './types.ts';

const count = new Intl.NumberFormat('en-US');

/**
 * The filter in words, for the filter summary and figure notes; a space other than the default
 * (NAS-Bench-101) is named first.
 *
 * @example describeFilter({ ...EMPTY_FILTER, residual: { min: 0, max: 2 } }) // 'residual connections 0–2'
 * @example describeFilter({ ...EMPTY_FILTER, space: 'MNAS' }) // 'MNAS: every network'
 */
export function describeFilter(filter: DashboardFilter): string {
  const parts: string[] = [];
  if (filter.sizeClusters !== null) {
    const ids = filter.sizeClusters.join(', ');
    parts.push(filter.sizeClusters.length === 1 ? `size cluster ${ids}` : `size clusters ${ids}`);
  }
  if (filter.residual !== null)
    parts.push(`residual connections ${describeRange(filter.residual)}`);
  if (filter.params !== null) parts.push(`parameters ${describeRange(filter.params)}`);
  if (filter.experiment !== null) parts.push(`experiment ${filter.experiment}`);
  if (filter.space !== DEFAULT_SPACE) {
    const space = spaceLabel(filter.space);
    return parts.length === 0 ? `${space}: every network` : [space, ...parts].join(' · ');
  }
  return parts.length === 0 ? 'no filter: every architecture' : parts.join(' · ');
}

/**
 * A range in words: `0–2`, `≥ 1,000,000`, `≤ 5`, or the single value.
 *
 * @example describeRange({ min: 1000000, max: null }) // '≥ 1,000,000'
 */
export function describeRange(range: Range): string {
  const { min, max } = range;
  if (min !== null && max !== null) {
    return min === max ? count.format(min) : `${count.format(min)}–${count.format(max)}`;
  }
  if (min !== null) return `≥ ${count.format(min)}`;
  return `≤ ${count.format(max ?? 0)}`;
}
