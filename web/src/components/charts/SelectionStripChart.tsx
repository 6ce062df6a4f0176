'use client';

import { useRouter } from 'next/navigation';
import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceAxis } from '../../lib/charts/axes.ts';
import type { StripColumn, StripPoint } from '../../lib/charts/fig7.ts';
import { formatAccuracy } from '../../lib/charts/format.ts';
import { CHART_MARGIN, xLabel, yAxisProps, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { markerShape } from './markers.ts';

/**
 * Paper Fig. 7's strip chart: one column per selection, a point per network at its final
 * accuracy (colour and marker shape per selection), and the selection's mean as a wide dash;
 * clicking a point opens that network's page.
 *
 * @example <SelectionStripChart columns={toFig7Strip(fig7.selections, fig7.k)} />
 */
export function SelectionStripChart(props: { columns: StripColumn[] }) {
  const router = useRouter();
  const open = (entry: unknown) => {
    const hash =
      (entry as { payload?: StripPoint })?.payload?.hash ??
      (entry as Partial<StripPoint>)?.hash ??
      null;
    if (hash) router.push(`/architectures/${hash}`);
  };
  const values = props.columns.flatMap((column) => [
    ...column.points.map((point) => point.y),
    ...(column.meanFinal === null ? [] : [column.meanFinal]),
  ]);
  const yAxis = niceAxis(values, { bounds: [0, 1], padding: 0.02 });
  const labels = props.columns.map((column) => column.label);
  const means = props.columns.flatMap((column) =>
    column.meanFinal === null
      ? []
      : [{ hash: '', x: column.index, y: column.meanFinal, selection: column.label, rank: 0 }],
  );
  return (
    <ResponsiveContainer width="100%" height={360}>
      <ScatterChart margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[-0.5, props.columns.length - 0.5]}
          ticks={props.columns.map((column) => column.index)}
          interval={0}
          tickFormatter={(value: number) => labels[value] ?? ''}
          label={xLabel('Selection')}
        />
        <YAxis
          dataKey="y"
          {...yAxisProps(yAxis, 'accuracy')}
          label={yLabel('Final accuracy (%)')}
        />
        <Tooltip
          content={
            <ChartTooltip<StripPoint>
              describe={(point) =>
                point.rank === 0
                  ? { title: point.selection, lines: [['mean final', formatAccuracy(point.y)]] }
                  : {
                      title: point.hash,
                      lines: [
                        ['selection', `${point.selection} (#${point.rank})`],
                        ['final accuracy', formatAccuracy(point.y)],
                      ],
                    }
              }
            />
          }
        />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {props.columns.map((column, index) => (
          <Scatter
            key={column.name}
            name={column.label}
            data={column.points}
            legendType={markerShape(index)}
            shape={markerShape(index)}
            fill={column.colour}
            fillOpacity={0.8}
            onClick={open}
            cursor="pointer"
            isAnimationActive={false}
          />
        ))}
        <Scatter
          name="mean final accuracy"
          data={means}
          legendType="plainline"
          shape={MeanDash}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** A selection's mean: a horizontal dash across its column, centred on the point recharts gives. */
function MeanDash(props: { cx?: number; cy?: number }) {
  if (props.cx === undefined || props.cy === undefined) return <g />;
  return (
    <line
      x1={props.cx - 34}
      x2={props.cx + 34}
      y1={props.cy}
      y2={props.cy}
      stroke="#000"
      strokeWidth={2}
    />
  );
}
