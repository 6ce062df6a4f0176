import { stepDecimals } from '../../lib/charts/axes.ts';
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

/**
 * Tick labels of a linear axis whose ticks are `step` apart: every label with the same number
 * of decimals (0.0, 0.2, … rather than 0, 0.2, …), accuracies as bare percentages (the axis
 * label carries the unit), counts with thousands separators.
 *
 * @example axisTickFormatter('accuracy', 0.05)(0.9) // '90'
 * @example axisTickFormatter('statistic', 0.2)(-0.6) // '-0.6'
 */
export function axisTickFormatter(format: ValueFormat, step: number): (value: number) => string {
  if (format === 'accuracy') {
    const decimals = stepDecimals(step * 100);
    return (value) => (value * 100).toFixed(decimals);
  }
  if (format === 'count') return formatCount;
  const decimals = stepDecimals(step);
  return (value) => value.toFixed(decimals);
}
