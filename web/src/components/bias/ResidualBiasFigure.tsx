import { loadExperiments, loadResidualBias } from '../../lib/api/index.ts';
import { predictorColours } from '../../lib/charts/palette.ts';
import { toResidualBiasRows } from '../../lib/charts/residual-bias.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import {
  API_MAX_PREDICTORS,
  chosenExperiments,
  nngpPredictors,
  trainingPredictors,
} from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { LineSeriesChart } from '../charts/LineSeriesChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const RESIDUAL_BIAS_TITLE = 'Rank by residual-connection count';
/** Below this many architectures with every predictor, NNGP lines are noise: training alone is shown. */
const MIN_NNGP_ARCHITECTURES = 30;

/**
 * Paper Fig. 4: mean percentile rank of the architectures with each residual-connection count
 * under 4/12/36/108-epoch training and each NNGP configuration of the chosen experiment.
 *
 * @example <ResidualBiasFigure filter={filter} />
 */
export async function ResidualBiasFigure(props: { filter: DashboardFilter }) {
  const result = await settle(loadBias(props.filter));
  const description =
    'Mean percentile rank (0–100) under each predictor of the architectures with that many residual connections, over architectures having every predictor.';
  if (!result.ok) {
    return (
      <ChartFigure id="residual-bias" title={RESIDUAL_BIAS_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  const { rows, series, specs, experiment, skippedNngp } = result.value;
  const colours = predictorColours(specs);
  const counts = rows.map((row) => `${row.residualConnections}: ${row.architectures}`).join(', ');
  return (
    <ChartFigure
      id="residual-bias"
      title={RESIDUAL_BIAS_TITLE}
      description={description}
      notes={[
        rows.length > 0 ? `Architectures per residual count: ${counts}.` : '',
        experiment
          ? `Restricted to the architectures evaluated in experiment ${experiment.name}.`
          : skippedNngp
            ? `NNGP left out: fewer than ${MIN_NNGP_ARCHITECTURES} architectures over two or more residual counts have every predictor; evaluate more to add NNGP lines.`
            : 'No NNGP results yet: run `pnpm nngp evaluate …` to add NNGP lines.',
      ].join(' ')}
    >
      {rows.length === 0 ? (
        <EmptyState>
          No architecture under this filter has every predictor: widen the filter or evaluate more
          architectures.
        </EmptyState>
      ) : (
        <LineSeriesChart
          rows={rows}
          xKey="residualConnections"
          series={series.map((name) => ({
            key: name,
            name,
            colour: colours.get(name) ?? '#000000',
            dashed: name.startsWith('NNGP'),
          }))}
          xLabel="Residual connections"
          yLabel="Mean percentile rank"
          xFormat="count"
          yFormat="percentile"
          yBounds={[0, 100]}
        />
      )}
    </ChartFigure>
  );
}

/**
 * Residual bias of training and the chosen experiment's NNGP configurations over the
 * architectures having all of them; training alone when too few have NNGP results. MNAS has no
 * training records, so there NNGP is shown whatever its count (nothing without an experiment).
 */
async function loadBias(filter: DashboardFilter) {
  const training = trainingPredictors(filter.space, [4, 12, 36, 108]);
  const experiment = chosenExperiments(await loadExperiments(filter.space), filter, 'newest')[0];
  if (experiment !== undefined) {
    const specs = [
      ...training,
      ...nngpPredictors([experiment], API_MAX_PREDICTORS - training.length),
    ];
    const rows = await loadResidualBias(
      filter,
      specs.map((spec) => spec.input),
    );
    const architectures = rows.reduce((sum, row) => sum + row.architectures, 0);
    const enough = architectures >= MIN_NNGP_ARCHITECTURES && rows.length >= 2;
    if (enough || training.length === 0) {
      return { specs, experiment, skippedNngp: false, ...toResidualBiasRows(rows) };
    }
  }
  const rows =
    training.length === 0
      ? []
      : await loadResidualBias(
          filter,
          training.map((spec) => spec.input),
        );
  return {
    specs: training,
    experiment: null,
    skippedNngp: experiment !== undefined,
    ...toResidualBiasRows(rows),
  };
}
