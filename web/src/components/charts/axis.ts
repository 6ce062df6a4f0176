import { formatNumber } from '../../lib/charts/format.ts';

/** The cost axis: logarithmic, readable tick labels, labelled with its unit; domain and ticks come from `logAxis`. */
export const COST_AXIS = {
  type: 'number' as const,
  scale: 'log' as const,
  allowDataOverflow: false,
  tickFormatter: (value: number) => formatNumber(value),
  label: { value: 'Compute (PFLOPs, log scale)', position: 'insideBottom' as const, offset: -10 },
};

/**
 * A y-axis label (rotated, outside the ticks).
 *
 * @example <YAxis label={yLabel('Kendall τ')} />
 */
export function yLabel(value: string) {
  return {
    value,
    angle: -90,
    position: 'left' as const,
    offset: 0,
    style: { textAnchor: 'middle' as const },
  };
}

/**
 * An x-axis label under the ticks.
 *
 * @example <XAxis label={xLabel('Residual connections')} />
 */
export function xLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -10 };
}

/** Margins leaving room for the axis labels. */
export const CHART_MARGIN = { top: 10, right: 20, bottom: 30, left: 30 };
