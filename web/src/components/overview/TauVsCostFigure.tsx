import { loadExperiments, loadMetrics } from '../../lib/api/index.ts';
import { toTauCostPoints } from '../../lib/charts/tau-cost.ts';
import { type DashboardFilter, groundTruthName } from '../../lib/filters/index.ts';
import {
  API_MAX_PREDICTORS,
  chosenExperiments,
  nngpPredictors,
  omittedConfigsNote,
  trainingPredictors,
} from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { StatisticVsCostChart } from '../charts/StatisticVsCostChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

const ID = 'tau-vs-cost';
/**
 * Bootstrap intervals for τ and r: 100 resamples keep the figure's query within the API's
 * complexity limit for two dozen predictors (each resample is priced as a pass over the space).
 */
const INTERVALS = { resamples: 100, level: 0.95, seed: 0 } as const;
const MAX_PREDICTORS_WITH_INTERVALS = 24;
export const TAU_VS_COST_TITLE = 'Kendall τ and Pearson r against compute';

/**
 * Paper Fig. 1: τ and r with the ground truth against cost for every NNGP configuration of the
 * chosen experiments and for 4/12/36-epoch training.
 *
 * @example <TauVsCostFigure filter={filter} />
 */
export async function TauVsCostFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const experiments = chosenExperiments(
        await loadExperiments(props.filter.space),
        props.filter,
        'all',
      );
      const training = trainingPredictors(props.filter.space);
      const specs = [
        ...training,
        ...nngpPredictors(experiments, API_MAX_PREDICTORS - training.length),
      ];
      // One experiment: every predictor over its architectures, so costs and τ compare; several
      // experiments have different architectures, so each predictor covers what it can.
      const only = experiments.length === 1 ? experiments[0] : undefined;
      const intervals = specs.length <= MAX_PREDICTORS_WITH_INTERVALS ? INTERVALS : null;
      const metrics = await loadMetrics(
        props.filter,
        specs.map((spec) => spec.input),
        only ? { experiment: only.id } : {},
        intervals,
      );
      const counted = Math.max(0, ...metrics.map((m) => m.count));
      return {
        ...toTauCostPoints(metrics, specs),
        experiments,
        only,
        counted,
        intervals,
        omitted: omittedConfigsNote(experiments, specs),
      };
    })(),
  );
  const description = `Each point is one predictor; x is its compute over the architectures it ranks (PFLOPs, log), y its correlation with the ${groundTruthName(props.filter.space)}.`;
  if (!result.ok) {
    return (
      <ChartFigure id={ID} title={TAU_VS_COST_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  const { points, unplaced, experiments, only, counted, intervals, omitted } = result.value;
  return (
    <ChartFigure
      id={ID}
      title={TAU_VS_COST_TITLE}
      description={description}
      notes={[
        experiments.length === 0
          ? 'No NNGP results yet: run `pnpm nngp evaluate …` or enqueue on an experiment page to add NNGP points.'
          : only
            ? `Every predictor over the ${counted.toLocaleString('en-US')} architectures of experiment ${only.name} with ground truth.`
            : 'Each predictor over the architectures it covers (experiments differ).',
        intervals
          ? `Error bars: 95 % bootstrap intervals (${intervals.resamples} resamples, seed ${intervals.seed}).`
          : `No error bars: more than ${MAX_PREDICTORS_WITH_INTERVALS} predictors (narrow the experiments).`,
        unplaced.length > 0
          ? `Not placed (no cost or no statistic): ${unplaced.join(', ')}.`
          : null,
        omitted,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      {points.length === 0 ? (
        <EmptyState>
          No predictor has enough architectures with ground truth under this filter: widen the
          filter or import training records (<code>pnpm nngp nasbench import FILE</code>).
        </EmptyState>
      ) : (
        <div className="chart-pair">
          <StatisticVsCostChart points={points} statistic="kendallTau" label="Kendall τ" />
          <StatisticVsCostChart points={points} statistic="pearson" label="Pearson r" />
        </div>
      )}
    </ChartFigure>
  );
}
