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
import { niceAxis } from '../../lib/charts/axes.ts';
import { CHART_MARGIN, linearAxisProps, xLabel, yAxisProps, yLabel } from './axis.ts';
import { formatterFor, type ValueFormat } from './value-format.ts';

/** One bar per category for each series. */
export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

/** Height of one category's band in the horizontal layout. */
const HORIZONTAL_BAND = 30;

/**
 * Bars grouped by category (a predictor, a cluster), one bar per series (τ, r, ...); the
 * tooltip shows the category and every value, with architecture counts when given.
 * `horizontal` lays the categories down the y axis, for many or long category names.
 *
 * @example <GroupedBarChart rows={[{ category: 'NNGP 100/200 ×2', tau: 0.2, r: 0.3 }]} series={series} yLabel="Correlation" />
 */
export function GroupedBarChart(props: {
  rows: ({ category: string } & Record<string, number | string | null>)[];
  series: BarSeries[];
  yLabel: string;
  yFormat?: ValueFormat;
  height?: number;
  horizontal?: boolean;
}) {
  const format = formatterFor(props.yFormat ?? 'statistic');
  const values = props.rows.flatMap((row) =>
    props.series.map((series) => row[series.key]).filter((v): v is number => typeof v === 'number'),
  );
  // Bars start at zero, so zero is always on the value axis; correlations stay inside [-1, 1].
  const valueAxis = niceAxis(values, { includeZero: true, bounds: [-1, 1] });
  const longestCategory = Math.max(...props.rows.map((row) => row.category.length));
  // Shared by both layouts; an array (not a fragment) so recharts sees each part directly.
  const parts = [
    <Tooltip
      key="tooltip"
      formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
    />,
    <Legend key="legend" verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />,
    ...props.series.map((series) => (
      <Bar
        key={series.key}
        dataKey={series.key}
        name={series.name}
        fill={series.colour}
        isAnimationActive={false}
      />
    )),
  ];
  const chart = props.horizontal ? (
    <BarChart
      data={props.rows}
      layout="vertical"
      margin={{ ...CHART_MARGIN, left: 8 }}
      barCategoryGap="20%"
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" horizontal={false} />
      <XAxis
        {...linearAxisProps(valueAxis, props.yFormat ?? 'statistic')}
        label={xLabel(props.yLabel)}
      />
      <YAxis
        dataKey="category"
        type="category"
        interval={0}
        width={Math.ceil(longestCategory * 8) + 24}
        tick={{ fontSize: 11 }}
      />
      <ReferenceLine x={0} stroke="#8a949c" />
      {parts}
    </BarChart>
  ) : (
    <BarChart data={props.rows} margin={{ ...CHART_MARGIN, bottom: 10 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" vertical={false} />
      <XAxis
        dataKey="category"
        type="category"
        interval={0}
        angle={-30}
        textAnchor="end"
        height={Math.ceil(longestCategory * 3.5) + 14}
        tick={{ fontSize: 11 }}
      />
      <YAxis
        {...yAxisProps(valueAxis, props.yFormat ?? 'statistic')}
        label={yLabel(props.yLabel)}
      />
      <ReferenceLine y={0} stroke="#8a949c" />
      {parts}
    </BarChart>
  );
  const height = props.horizontal
    ? props.rows.length * HORIZONTAL_BAND + 90
    : (props.height ?? 320);
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
