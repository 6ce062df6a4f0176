import { loadExperiments, loadModelSizeCorrelation } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { API_MAX_PREDICTORS, chosenExperiments, nngpPredictors } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { GroupedBarChart } from '../charts/GroupedBarChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { NoNngpResults } from '../figures/NoNngpResults.tsx';

export const MODEL_SIZE_TITLE = 'NNGP against model size';

/**
 * Paper Fig. 6: Kendall τ and Pearson r between each NNGP configuration's accuracy and the
 * trainable-parameter count (low values: NNGP is not just measuring size).
 *
 * @example <NngpVsModelSizeFigure filter={filter} />
 */
export async function NngpVsModelSizeFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const experiment = chosenExperiments(
        await loadExperiments(props.filter.space),
        props.filter,
        'newest',
      )[0];
      if (experiment === undefined) return null;
      const specs = nngpPredictors([experiment], API_MAX_PREDICTORS);
      return loadModelSizeCorrelation(
        props.filter,
        specs.map((spec) => spec.input),
      );
    })(),
  );
  const description =
    'Correlation of NNGP accuracy with the trainable-parameter count, per configuration.';
  return (
    <ChartFigure
      id="nngp-vs-model-size"
      title={MODEL_SIZE_TITLE}
      description={description}
      notes={
        result.ok && result.value
          ? result.value
              .map((row) => `${row.predictor}: ${formatCount(row.count)} architectures`)
              .join('; ')
          : undefined
      }
    >
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : result.value === null || result.value.every((row) => row.count === 0) ? (
        <NoNngpResults filter={props.filter} />
      ) : result.value.every((row) => row.kendallTau === null && row.pearson === null) ? (
        <EmptyState>
          Too few evaluated architectures under this filter for a correlation (two or more with
          different sizes are needed): widen the filter or evaluate more architectures.
        </EmptyState>
      ) : (
        <GroupedBarChart
          rows={result.value.map((row) => ({
            category: row.predictor,
            kendallTau: row.kendallTau,
            pearson: row.pearson,
          }))}
          series={[
            { key: 'kendallTau', name: 'Kendall τ with parameters', colour: OKABE_ITO.blue },
            { key: 'pearson', name: 'Pearson r with parameters', colour: OKABE_ITO.skyBlue },
          ]}
          yLabel="Correlation with model size"
        />
      )}
    </ChartFigure>
  );
}
