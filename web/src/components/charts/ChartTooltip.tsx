'use client';

/** What recharts hands a custom tooltip (the fields used here). */
export interface TooltipContentProps<T> {
  active?: boolean;
  payload?: readonly { payload?: T }[];
}

/**
 * A tooltip box for the hovered data point: a title (predictor or architecture hash) and
 * `name: value` lines, both computed from the point by the chart.
 *
 * @example <Tooltip content={<ChartTooltip describe={(p) => ({ title: p.hash, lines: [['NNGP', '41 %']] })} />} />
 */
export function ChartTooltip<T>(
  props: TooltipContentProps<T> & {
    describe: (point: T) => { title: string; lines: [string, string][] };
  },
) {
  const point = props.payload?.[0]?.payload;
  if (!props.active || point === undefined) return null;
  const { title, lines } = props.describe(point);
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{title}</p>
      {lines.map(([name, value]) => (
        <p key={name}>
          {name}: {value}
        </p>
      ))}
    </div>
  );
}
