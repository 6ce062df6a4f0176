import {
  formatAccuracy,
  formatCount,
  formatNumber,
  formatStatistic,
} from '../../lib/charts/format.ts';

/** How a chart formats a value; a name rather than a function so server components can pass it. */
export type ValueFormat = 'accuracy' | 'statistic' | 'number' | 'count' | 'percentile';

/**
 * The formatter for a ValueFormat.
 *
 * @example formatterFor('accuracy')(0.9) // '90.00 %'
 */
export function formatterFor(format: ValueFormat): (value: number) => string {
  switch (format) {
    case 'accuracy':
      return formatAccuracy;
    case 'statistic':
      return formatStatistic;
    case 'count':
      return formatCount;
    case 'percentile':
      return (value) => `${value.toFixed(1)}`;
    default:
      return formatNumber;
  }
}

/**
 * The shorter tick label for a ValueFormat: accuracies as bare percentages (the axis label
 * carries the unit).
 *
 * @example tickFormatterFor('accuracy')(0.9) // '90'
 */
export function tickFormatterFor(format: ValueFormat): (value: number) => string {
  if (format === 'accuracy') return (value) => String(Number((value * 100).toFixed(1)));
  return formatterFor(format);
}
