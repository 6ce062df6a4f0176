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
import { formatAccuracy } from '../../lib/charts/format.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { CHART_MARGIN, xLabel, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';

interface Point {
  hash: string;
  x: number;
  y: number;
}

/**
 * Ground truth against NNGP accuracy, one point per architecture (paper Fig. S3); clicking a
 * point opens that architecture's page.
 *
 * @example <TruthVsNngpScatter points={points} xName="NNGP 100/200 ×2" />
 */
export function TruthVsNngpScatter(props: { points: Point[]; xName: string }) {
  const router = useRouter();
  const open = (entry: unknown) => {
    const hash =
      (entry as { payload?: Point })?.payload?.hash ?? (entry as Partial<Point>)?.hash ?? null;
    if (hash) router.push(`/architectures/${hash}`);
  };
  return (
    <ResponsiveContainer width="100%" height={380}>
      <ScatterChart margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
        <XAxis
          dataKey="x"
          type="number"
          name={props.xName}
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => `${(value * 100).toFixed(0)}`}
          label={xLabel(`${props.xName} validation accuracy (%)`)}
        />
        <YAxis
          dataKey="y"
          type="number"
          name="ground truth"
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => `${(value * 100).toFixed(0)}`}
          label={yLabel('108-epoch validation accuracy (%)')}
        />
        <Tooltip
          content={
            <ChartTooltip<Point>
              describe={(point) => ({
                title: point.hash,
                lines: [
                  [props.xName, formatAccuracy(point.x)],
                  ['ground truth', formatAccuracy(point.y)],
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
