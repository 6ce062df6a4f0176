import { loadArchitecture } from '../../lib/api/index.ts';
import { accuracyDomain } from '../../lib/charts/axes.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { toTrainingCurve } from '../../lib/charts/training-curve.ts';
import { settle } from '../../lib/settle.ts';
import { LineSeriesChart } from '../charts/LineSeriesChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const TRAINING_CURVE_TITLE = 'Validation accuracy by training budget';

/**
 * Final validation accuracy after 4, 12, 36 and 108 epochs: every repeat (thin) and the mean.
 *
 * @example <TrainingCurveFigure hash={hash} />
 */
export async function TrainingCurveFigure(props: { hash: string }) {
  const result = await settle(loadArchitecture(props.hash));
  const curve = result.ok && result.value ? toTrainingCurve(result.value) : null;
  return (
    <ChartFigure
      id="training-curve"
      title={TRAINING_CURVE_TITLE}
      description="NAS-Bench-101 training runs; each budget is a separate run, not a checkpoint."
    >
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : curve === null || curve.rows.length === 0 ? (
        <EmptyState>
          No training records for this architecture: import the full NAS-Bench-101 file (
          <code>pnpm nngp download nasbench-full</code>, then <code>pnpm nngp nasbench import</code>
          ).
        </EmptyState>
      ) : (
        <LineSeriesChart
          rows={curve.rows}
          xKey="epochs"
          xLog
          series={[
            ...curve.repeats.map((repeat) => ({
              key: repeat,
              name: repeat,
              colour: OKABE_ITO.skyBlue,
              faint: true,
            })),
            { key: 'mean', name: 'mean over repeats', colour: OKABE_ITO.blue },
          ]}
          xLabel="Training epochs (log scale)"
          yLabel="Validation accuracy (%)"
          xFormat="count"
          yFormat="accuracy"
          yDomain={accuracyDomain(
            curve.rows.flatMap((row) => [row.mean, ...curve.repeats.map((r) => row[r] ?? null)]),
          )}
        />
      )}
    </ChartFigure>
  );
}
