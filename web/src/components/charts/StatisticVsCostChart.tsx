'use client';

import {
  ErrorBar,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { logAxis, niceAxis } from '../../lib/charts/axes.ts';
import { formatCount, formatPflops, formatStatistic } from '../../lib/charts/format.ts';
import { FAMILY_COLOURS } from '../../lib/charts/palette.ts';
import type { TauCostPoint } from '../../lib/charts/tau-cost.ts';
import type { PredictorFamily } from '../../lib/predictors.ts';
import { CHART_MARGIN, COST_AXIS, yAxisProps, yLabel } from './axis.ts';
import { ChartTooltip } from './ChartTooltip.tsx';

const FAMILY_NAMES: Record<PredictorFamily, string> = {
  training: 'shortened training',
  nngp: 'NNGP',
  ntk: 'empirical NTK',
  'model-size': 'model size',
  proxy: 'proxy',
  hybrid: 'hybrid',
};
const SHAPES = { kendallTau: 'circle', pearson: 'diamond' } as const;

/**
 * One statistic (Kendall τ or Pearson r) of each predictor against its cost, log x, one
 * coloured series per predictor family (paper Fig. 1), with the statistic's bootstrap interval
 * as a vertical error bar where the points carry one.
 *
 * @example <StatisticVsCostChart points={points} statistic="kendallTau" label="Kendall τ" />
 */
export function StatisticVsCostChart(props: {
  points: TauCostPoint[];
  statistic: 'kendallTau' | 'pearson';
  label: string;
}) {
  const families = [...new Set(props.points.map((point) => point.family))];
  const axis = logAxis(props.points.map((point) => point.cost));
  const yAxis = niceAxis(
    props.points.map((point) => point[props.statistic]),
    { bounds: [-1, 1], padding: 0.05 },
  );
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ScatterChart margin={CHART_MARGIN}>
        <XAxis
          dataKey="cost"
          name="compute"
          {...COST_AXIS}
          domain={axis.domain}
          ticks={axis.ticks}
        />
        <YAxis
          dataKey={props.statistic}
          name={props.label}
          {...yAxisProps(yAxis, 'statistic')}
          label={yLabel(`${props.label} with ground truth`)}
        />
        <Tooltip
          content={
            <ChartTooltip<TauCostPoint>
              describe={(point) => ({
                title: point.predictor,
                lines: [
                  ['Kendall τ', withInterval(point.kendallTau, point.kendallTauError)],
                  ['Pearson r', withInterval(point.pearson, point.pearsonError)],
                  ['compute', formatPflops(point.cost)],
                  ['architectures', formatCount(point.count)],
                ],
              })}
            />
          }
        />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {families.map((family) => (
          <Scatter
            key={family}
            name={FAMILY_NAMES[family]}
            data={props.points.filter(
              (point) => point.family === family && point[props.statistic] !== null,
            )}
            fill={FAMILY_COLOURS[family]}
            shape={SHAPES[props.statistic]}
          >
            {props.points.some((point) => point[`${props.statistic}Error`] !== null) ? (
              <ErrorBar
                dataKey={`${props.statistic}Error`}
                direction="y"
                width={4}
                stroke={FAMILY_COLOURS[family]}
              />
            ) : null}
          </Scatter>
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

function withInterval(value: number | null, error: [number, number] | null): string {
  if (value === null || error === null) return formatStatistic(value);
  return `${formatStatistic(value)} [${formatStatistic(value - error[0])}, ${formatStatistic(value + error[1])}]`;
}
