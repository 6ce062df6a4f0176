'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Symbols,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { logAxis, niceAxis } from '../../lib/charts/axes.ts';
import type { DiscoveredPoint } from '../../lib/charts/discovered.ts';
import { formatAccuracy, formatPflops } from '../../lib/charts/format.ts';
import { CHART_MARGIN, COST_AXIS, yAxisProps, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { CostLegend } from './CostLegend.tsx';
import { type MarkerShape, markerDot } from './markers.ts';

/** A line of points with its colour. */
export interface CostLine {
  name: string;
  colour: string;
  points: DiscoveredPoint[];
  /** Points only, drawn as this marker (default: a line with small filled circles). */
  marker?: { shape: MarkerShape; hollow?: boolean; r?: number };
}

/**
 * Discovered performance (best ground truth among the top 10, mean over subsets) against
 * compute on a log axis, one line per strategy with a ±1 standard-error band and error bars
 * (paper Figs. 3, 8, 9).
 *
 * @example <DiscoveredVsCostChart lines={[{ name: 'training', colour: '#D55E00', points }]} />
 */
export function DiscoveredVsCostChart(props: { lines: CostLine[]; height?: number }) {
  const points = props.lines.flatMap((line) => line.points);
  const axis = logAxis(points.map((point) => point.cost));
  // The band's ends, so the standard-error bars stay inside the frame.
  const yAxis = niceAxis(
    points.flatMap((point) => point.band),
    { bounds: [0, 1], padding: 0.1 },
  );
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
        <YAxis {...yAxisProps(yAxis, 'accuracy')} label={yLabel('Discovered accuracy (%)')} />
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
        <Legend
          verticalAlign="top"
          wrapperStyle={{ paddingBottom: 8 }}
          content={<CostLegend lines={props.lines} />}
        />
        {props.lines.map((line) =>
          // Marker-only series show their error bars alone: recharts would dot a one-point band.
          line.marker ? null : (
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
          ),
        )}
        {props.lines.map((line) =>
          line.marker ? (
            // Points without a line: scatter symbols, each drawn in its own shape and size.
            <Scatter
              key={line.name}
              data={line.points}
              dataKey="mean"
              name={line.name}
              fill={line.colour}
              legendType={line.marker.shape}
              shape={markerShape(line.colour, line.marker)}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="standardError" width={4} stroke={line.colour} direction="y" />
            </Scatter>
          ) : (
            <Line
              key={line.name}
              data={line.points}
              dataKey="mean"
              name={line.name}
              stroke={line.colour}
              strokeWidth={2}
              dot={markerDot({ shape: 'circle', r: 3.5, colour: line.colour })}
              legendType="line"
              isAnimationActive={false}
            >
              <ErrorBar dataKey="standardError" width={4} stroke={line.colour} direction="y" />
            </Line>
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** A scatter shape drawing `marker` in `colour`, filled or hollow, `r` pixels in radius. */
function markerShape(colour: string, marker: NonNullable<CostLine['marker']>) {
  const dot = markerDot({ ...marker, colour });
  return (shapeProps: { cx?: number; cy?: number }) => (
    <Symbols
      cx={shapeProps.cx}
      cy={shapeProps.cy}
      type={marker.shape}
      size={2 * dot.r}
      sizeType="diameter"
      fill={dot.fill}
      stroke={dot.stroke}
      strokeWidth={dot.strokeWidth}
    />
  );
}
