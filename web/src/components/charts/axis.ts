import type { LinearAxis } from '../../lib/charts/axes.ts';
import { formatNumber } from '../../lib/charts/format.ts';
import { axisTickFormatter, type ValueFormat } from './value-format.ts';

/** The cost axis: logarithmic, readable tick labels, labelled with its unit; domain and ticks come from `logAxis`. */
export const COST_AXIS = {
  type: 'number' as const,
  scale: 'log' as const,
  allowDataOverflow: false,
  // Every decade tick, none dropped for room.
  interval: 0 as const,
  tickFormatter: (value: number) => formatNumber(value),
  label: { value: 'Compute (PFLOPs, log scale)', position: 'insideBottom' as const, offset: -10 },
};

/**
 * A y-axis label (rotated, outside the ticks).
 *
 * @example <YAxis label={yLabel('Kendall τ')} />
 */
export function yLabel(value: string) {
  // Inside the axis box, at its left edge: `yAxisWidth` leaves the room between it and the ticks.
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    offset: 10,
    style: { textAnchor: 'middle' as const },
  };
}

/** Width of one tick-label character at the axes' 12 px font (digits are the widest). */
const TICK_CHAR_WIDTH = 7.5;

/**
 * The width of a y axis whose ticks read `labels`: the longest label, the tick marks and the
 * rotated axis label beside them, so the two never overlap.
 *
 * @example <YAxis width={yAxisWidth(['-0.6', '0.8'])} label={yLabel('Kendall τ')} />
 */
export function yAxisWidth(labels: string[]): number {
  const longest = Math.max(1, ...labels.map((label) => label.length));
  return Math.ceil(longest * TICK_CHAR_WIDTH) + 36;
}

/**
 * An x-axis label under the ticks.
 *
 * @example <XAxis label={xLabel('Residual connections')} />
 */
export function xLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -10 };
}

/** Margins leaving room for the x-axis label (the y-axis label sits inside `yAxisWidth`). */
export const CHART_MARGIN = { top: 10, right: 24, bottom: 30, left: 4 };

/**
 * Props of a linear recharts axis from `niceAxis`: the snapped domain, every nice tick shown
 * (none dropped for room) and labels with the step's decimals.
 *
 * @example <XAxis dataKey="x" {...linearAxisProps(niceAxis(xs), 'accuracy')} />
 */
export function linearAxisProps(axis: LinearAxis, format: ValueFormat) {
  return {
    type: 'number' as const,
    domain: axis.domain,
    ticks: axis.ticks,
    interval: 0 as const,
    tickFormatter: axisTickFormatter(format, axis.step),
  };
}

/**
 * `linearAxisProps` for a y axis, wide enough for its tick labels and its rotated label.
 *
 * @example <YAxis {...yAxisProps(niceAxis(taus), 'statistic')} label={yLabel('Kendall τ')} />
 */
export function yAxisProps(axis: LinearAxis, format: ValueFormat) {
  const props = linearAxisProps(axis, format);
  return { ...props, width: yAxisWidth(axis.ticks.map(props.tickFormatter)) };
}
