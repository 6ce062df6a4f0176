'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { logAxis, niceAxis } from '../../lib/charts/axes.ts';
import { CHART_MARGIN, linearAxisProps, xLabel, yAxisProps, yLabel } from './axis.ts';
import { type MarkerShape, markerDot } from './markers.ts';
import { formatterFor, tickFormatterFor, type ValueFormat } from './value-format.ts';

/** One line: the row key holding its values, its legend name and style. */
export interface LineSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
  /** Points only, no line: each value drawn as this marker (e.g. individual training repeats). */
  marker?: MarkerShape;
  /** A line without dots (e.g. a mean drawn through its repeats' markers). */
  plain?: boolean;
}

/**
 * Lines over a numeric x (optionally logarithmic), one per series, with a tooltip listing every
 * series at the hovered x; linear axes get nice ticks, the log axis decade ticks. Used for PQETP
 * curves, residual bias, training curves and regularizer sweeps.
 *
 * @example <LineSeriesChart rows={rows} xKey="threshold" series={series} xLabel="Threshold" yLabel="AUROC" />
 */
export function LineSeriesChart(props: {
  rows: Record<string, number | null>[];
  xKey: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  xFormat?: ValueFormat;
  yFormat?: ValueFormat;
  xLog?: boolean;
  /** Limits of the y quantity (e.g. [0, 1] for accuracies); the axis snaps to nice ticks inside. */
  yBounds?: [number, number];
  height?: number;
}) {
  const formatX = formatterFor(props.xFormat ?? 'number');
  const formatY = formatterFor(props.yFormat ?? 'number');
  const xValues = props.rows
    .map((row) => row[props.xKey])
    .filter((v): v is number => typeof v === 'number');
  const yValues = props.rows.flatMap((row) =>
    props.series.map((series) => row[series.key] ?? null),
  );
  const xAxis = props.xLog
    ? {
        type: 'number' as const,
        scale: 'log' as const,
        interval: 0 as const,
        ...logAxis(xValues),
        tickFormatter: tickFormatterFor(props.xFormat ?? 'number'),
      }
    : linearAxisProps(
        niceAxis(xValues, { integer: props.xFormat === 'count' }),
        props.xFormat ?? 'number',
      );
  const yAxis = niceAxis(yValues, { bounds: props.yBounds });
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <LineChart data={props.rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
        <XAxis dataKey={props.xKey} {...xAxis} label={xLabel(props.xLabel)} />
        <YAxis {...yAxisProps(yAxis, props.yFormat ?? 'number')} label={yLabel(props.yLabel)} />
        <Tooltip
          labelFormatter={(value) => `${props.xLabel}: ${formatX(Number(value))}`}
          formatter={(value) => (typeof value === 'number' ? formatY(value) : String(value))}
        />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {props.series.map((series) => (
          <Line
            key={series.key}
            dataKey={series.key}
            name={series.name}
            // Marker series keep their colour (the legend takes it from the stroke) at zero width.
            stroke={series.colour}
            strokeWidth={series.marker ? 0 : 2}
            strokeDasharray={series.dashed ? '6 3' : undefined}
            dot={
              series.marker
                ? markerDot({ shape: series.marker, colour: series.colour })
                : series.plain
                  ? false
                  : { r: 2.5 }
            }
            activeDot={series.marker ? false : undefined}
            legendType={series.marker ?? 'line'}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
