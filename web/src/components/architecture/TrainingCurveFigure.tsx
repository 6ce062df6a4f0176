import { loadArchitecture } from '../../lib/api/index.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { toTrainingCurve } from '../../lib/charts/training-curve.ts';
import { settle } from '../../lib/settle.ts';
import { LineSeriesChart } from '../charts/LineSeriesChart.tsx';
import { markerShape } from '../charts/markers.ts';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const TRAINING_CURVE_TITLE = 'Validation accuracy by training budget';
/** Repeats in warm colours, apart from the mean's blue; each also has its own marker shape. */
const REPEAT_COLOURS = [OKABE_ITO.vermillion, OKABE_ITO.orange, OKABE_ITO.reddishPurple];

/**
 * Final validation accuracy after 4, 12, 36 and 108 epochs: every repeat as a marker (one
 * series per repeat) and the mean over repeats as a line.
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
      description="NAS-Bench-101 training runs: a marker per repeat, a line through their mean; each budget is a separate run, not a checkpoint."
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
            // The mean first, so every repeat's marker is drawn over it.
            { key: 'mean', name: 'mean over repeats', colour: OKABE_ITO.blue, plain: true },
            ...curve.repeats.map((repeat, index) => ({
              key: repeat,
              name: repeat,
              colour: REPEAT_COLOURS[index % REPEAT_COLOURS.length] ?? OKABE_ITO.black,
              marker: markerShape(index),
            })),
          ]}
          xLabel="Training epochs (log scale)"
          yLabel="Validation accuracy (%)"
          xFormat="count"
          yFormat="accuracy"
          yBounds={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}
