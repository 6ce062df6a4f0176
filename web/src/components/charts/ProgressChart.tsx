'use client';

import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentProgress } from '../../lib/api/types.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { xLabel } from './axis.ts';

const PARTS = [
  { key: 'done', name: 'done', colour: OKABE_ITO.bluishGreen },
  { key: 'running', name: 'running', colour: OKABE_ITO.blue },
  { key: 'waiting', name: 'queued', colour: OKABE_ITO.skyBlue },
  { key: 'failed', name: 'failed', colour: OKABE_ITO.vermillion },
] as const;

/**
 * The experiment's architectures as one stacked bar: done, running, queued, failed.
 *
 * @example <ProgressChart progress={progress} />
 */
export function ProgressChart(props: { progress: ExperimentProgress }) {
  const { done, running, queued, failed } = props.progress;
  const row = {
    name: 'architectures',
    done,
    running,
    waiting: Math.max(queued - running, 0),
    failed,
  };
  return (
    <ResponsiveContainer width="100%" height={150}>
      <BarChart data={[row]} layout="vertical" margin={{ top: 5, right: 20, bottom: 30, left: 10 }}>
        <XAxis
          type="number"
          allowDecimals={false}
          tickFormatter={formatCount}
          label={xLabel('Architectures')}
        />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {PARTS.map((part) => (
          <Bar
            key={part.key}
            dataKey={part.key}
            name={part.name}
            stackId="progress"
            fill={part.colour}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
