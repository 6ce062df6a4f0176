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
import { logAxis } from '../../lib/charts/axes.ts';
import { CHART_MARGIN, xLabel, yLabel } from './axis.ts';
import { formatterFor, tickFormatterFor, type ValueFormat } from './value-format.ts';

/** One line: the row key holding its values, its legend name and style. */
export interface LineSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
  /** Thin, without dots and legend entry (e.g. individual repeats behind their mean). */
  faint?: boolean;
}

/**
 * Lines over a numeric x (optionally logarithmic), one per series, with a tooltip listing every
 * series at the hovered x. Used for PQETP curves, residual bias, training curves and
 * regularizer sweeps.
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
  yDomain?: [number, number];
  height?: number;
}) {
  const formatX = formatterFor(props.xFormat ?? 'number');
  const formatY = formatterFor(props.yFormat ?? 'number');
  const xValues = props.rows
    .map((row) => row[props.xKey])
    .filter((v): v is number => typeof v === 'number');
  const log = props.xLog ? logAxis(xValues) : null;
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <LineChart data={props.rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
        <XAxis
          dataKey={props.xKey}
          type="number"
          scale={props.xLog ? 'log' : 'auto'}
          domain={log ? log.domain : ['dataMin', 'dataMax']}
          ticks={log ? log.ticks : undefined}
          tickFormatter={tickFormatterFor(props.xFormat ?? 'number')}
          label={xLabel(props.xLabel)}
        />
        <YAxis
          type="number"
          domain={props.yDomain ?? ['auto', 'auto']}
          tickFormatter={tickFormatterFor(props.yFormat ?? 'number')}
          label={yLabel(props.yLabel)}
        />
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
            stroke={series.colour}
            strokeWidth={series.faint ? 1 : 2}
            strokeOpacity={series.faint ? 0.55 : 1}
            strokeDasharray={series.dashed ? '6 3' : undefined}
            dot={series.faint ? false : { r: 2.5 }}
            legendType={series.faint ? 'none' : 'line'}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
