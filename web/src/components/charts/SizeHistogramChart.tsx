'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceAxis } from '../../lib/charts/axes.ts';
import { formatCount } from '../../lib/charts/format.ts';
import type { HistogramBar } from '../../lib/charts/histogram.ts';
import { OKABE_ITO, seriesColour } from '../../lib/charts/palette.ts';
import { CHART_MARGIN, xLabel, yAxisProps, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';

/**
 * Architectures per log-width parameter bin, bars coloured by the size cluster they fall in
 * (grey in the gaps), with a legend of the clusters (paper Fig. S7).
 *
 * @example <SizeHistogramChart bars={bars} clusters={[{ id: 0, label: '0.2M–16.9M' }]} />
 */
export function SizeHistogramChart(props: {
  bars: HistogramBar[];
  clusters: { id: number; label: string }[];
}) {
  const colour = (cluster: number | null) => (cluster === null ? '#b8c0c6' : seriesColour(cluster));
  const yAxis = niceAxis(
    props.bars.map((bar) => bar.count),
    { includeZero: true, integer: true },
  );
  return (
    <>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={props.bars} margin={CHART_MARGIN} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" vertical={false} />
          <XAxis
            dataKey="label"
            interval={Math.max(0, Math.ceil(props.bars.length / 10) - 1)}
            tick={{ fontSize: 11 }}
            label={xLabel('Trainable parameters (millions, log bins)')}
          />
          <YAxis {...yAxisProps(yAxis, 'count')} label={yLabel('Architectures')} />
          <Tooltip
            content={
              <ChartTooltip<HistogramBar>
                describe={(bar) => ({
                  title: `${formatCount(Math.round(bar.min))}–${formatCount(Math.round(bar.max))} parameters`,
                  lines: [
                    ['architectures', formatCount(bar.count)],
                    ['size cluster', bar.cluster === null ? 'none (gap)' : String(bar.cluster)],
                  ],
                })}
              />
            }
          />
          <Bar dataKey="count" name="architectures" isAnimationActive={false}>
            {props.bars.map((bar) => (
              <Cell
                key={bar.min}
                fill={colour(bar.cluster)}
                stroke={OKABE_ITO.black}
                strokeWidth={0}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <div className="legend">
        {props.clusters.map((cluster) => (
          <span key={cluster.id}>
            <span className="legend-swatch" style={{ background: colour(cluster.id) }} />
            cluster {cluster.id}: {cluster.label}
          </span>
        ))}
      </div>
    </>
  );
}
