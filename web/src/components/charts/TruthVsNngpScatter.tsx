'use client';

import { useRouter } from 'next/navigation';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceAxis } from '../../lib/charts/axes.ts';
import { formatAccuracy } from '../../lib/charts/format.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { CHART_MARGIN, linearAxisProps, xLabel, yAxisProps, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { formatterFor, type ValueFormat } from './value-format.ts';

interface Point {
  hash: string;
  x: number;
  y: number;
}

/**
 * Ground truth against NNGP accuracy, one point per architecture (paper Fig. S3); clicking a
 * point opens that architecture's page. `truth` names the y axis and its format (the space's
 * ground truth: 108-epoch accuracy, or the MNAS reward).
 *
 * @example <TruthVsNngpScatter points={points} xName="NNGP 100/200 ×2" truth={{ label: 'Reward', format: 'number' }} />
 */
export function TruthVsNngpScatter(props: {
  points: Point[];
  xName: string;
  truth: { label: string; format: ValueFormat };
}) {
  const router = useRouter();
  const open = (entry: unknown) => {
    const hash =
      (entry as { payload?: Point })?.payload?.hash ?? (entry as Partial<Point>)?.hash ?? null;
    if (hash) router.push(`/architectures/${hash}`);
  };
  const accuracy = { bounds: [0, 1] as [number, number], padding: 0.02 };
  const xAxis = niceAxis(
    props.points.map((point) => point.x),
    accuracy,
  );
  const yAxis = niceAxis(
    props.points.map((point) => point.y),
    accuracy,
  );
  return (
    <ResponsiveContainer width="100%" height={380}>
      <ScatterChart margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
        <XAxis
          dataKey="x"
          name={props.xName}
          {...linearAxisProps(xAxis, 'accuracy')}
          label={xLabel(`${props.xName} validation accuracy (%)`)}
        />
        <YAxis
          dataKey="y"
          name="ground truth"
          {...yAxisProps(yAxis, props.truth.format)}
          label={yLabel(props.truth.label)}
        />
        <Tooltip
          content={
            <ChartTooltip<Point>
              describe={(point) => ({
                title: point.hash,
                lines: [
                  [props.xName, formatAccuracy(point.x)],
                  ['ground truth', formatterFor(props.truth.format)(point.y)],
                ],
              })}
            />
          }
        />
        <Scatter
          data={props.points}
          fill={OKABE_ITO.blue}
          fillOpacity={0.7}
          onClick={open}
          cursor="pointer"
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
