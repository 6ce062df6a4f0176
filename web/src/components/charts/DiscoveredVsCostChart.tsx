'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { logAxis } from '../../lib/charts/axes.ts';
import type { DiscoveredPoint } from '../../lib/charts/discovered.ts';
import { formatAccuracy, formatPflops } from '../../lib/charts/format.ts';
import { CHART_MARGIN, COST_AXIS, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';

/** A line of points with its colour. */
export interface CostLine {
  name: string;
  colour: string;
  points: DiscoveredPoint[];
}

/**
 * Discovered performance (best ground truth among the top 10, mean over subsets) against
 * compute on a log axis, one line per strategy with a ±1 standard-error band and error bars
 * (paper Figs. 3, 8, 9).
 *
 * @example <DiscoveredVsCostChart lines={[{ name: 'training', colour: '#D55E00', points }]} />
 */
export function DiscoveredVsCostChart(props: { lines: CostLine[]; height?: number }) {
  const axis = logAxis(props.lines.flatMap((line) => line.points.map((point) => point.cost)));
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 340}>
      <ComposedChart margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
        <XAxis
          dataKey="cost"
          name="compute"
          allowDuplicatedCategory={false}
          {...COST_AXIS}
          domain={axis.domain}
          ticks={axis.ticks}
        />
        <YAxis
          type="number"
          // Accuracies: whole percents around the data, never above 100 %.
          domain={[
            (low: number) => Math.floor(low * 100 - 0.5) / 100,
            (high: number) => Math.min(1, Math.ceil(high * 100 + 0.5) / 100),
          ]}
          tickFormatter={(value: number) => `${(value * 100).toFixed(1)}`}
          label={yLabel('Discovered accuracy (%)')}
        />
        <Tooltip
          content={
            <ChartTooltip<DiscoveredPoint>
              describe={(point) => ({
                title: point.label,
                lines: [
                  ['discovered accuracy', formatAccuracy(point.mean)],
                  [
                    'standard error',
                    point.standardError === null ? '—' : formatAccuracy(point.standardError),
                  ],
                  ['compute', formatPflops(point.cost)],
                ],
              })}
            />
          }
        />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {props.lines.map((line) => (
          <Area
            key={`${line.name}-band`}
            data={line.points}
            dataKey="band"
            stroke="none"
            fill={line.colour}
            fillOpacity={0.15}
            legendType="none"
            isAnimationActive={false}
            activeDot={false}
          />
        ))}
        {props.lines.map((line) => (
          <Line
            key={line.name}
            data={line.points}
            dataKey="mean"
            name={line.name}
            stroke={line.colour}
            strokeWidth={2}
            dot={{ r: 3.5, fill: line.colour }}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="standardError" width={4} stroke={line.colour} direction="y" />
          </Line>
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
