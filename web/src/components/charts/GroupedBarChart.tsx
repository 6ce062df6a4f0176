'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_MARGIN, yLabel } from './axis.ts';
import { formatterFor, type ValueFormat } from './value-format.ts';

/** One bar per category for each series. */
export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

/**
 * Bars grouped by category (a predictor, a cluster), one bar per series (τ, r, ...); the
 * tooltip shows the category and every value, with architecture counts when given.
 *
 * @example <GroupedBarChart rows={[{ category: 'NNGP 100/200 ×2', tau: 0.2, r: 0.3 }]} series={series} yLabel="Correlation" />
 */
export function GroupedBarChart(props: {
  rows: ({ category: string } & Record<string, number | string | null>)[];
  series: BarSeries[];
  yLabel: string;
  yFormat?: ValueFormat;
  height?: number;
}) {
  const format = formatterFor(props.yFormat ?? 'statistic');
  const values = props.rows.flatMap((row) =>
    props.series.map((series) => row[series.key]).filter((v): v is number => typeof v === 'number'),
  );
  // Bars start at zero, so zero is always on the axis; ends rounded to tenths for round ticks.
  const domain: [number, number] = [
    Math.min(0, Math.floor(Math.min(0, ...values) * 10) / 10),
    Math.max(0, Math.ceil(Math.max(0, ...values) * 10) / 10),
  ];
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <BarChart data={props.rows} margin={{ ...CHART_MARGIN, bottom: 60 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" vertical={false} />
        <XAxis
          dataKey="category"
          type="category"
          interval={0}
          angle={-25}
          textAnchor="end"
          height={60}
          tick={{ fontSize: 11 }}
        />
        <YAxis type="number" domain={domain} tickFormatter={format} label={yLabel(props.yLabel)} />
        <ReferenceLine y={0} stroke="#8a949c" />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
        />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {props.series.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.name}
            fill={series.colour}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
