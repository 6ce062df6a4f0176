import { type ExperimentSummary, loadExperiments, loadMetrics } from './api/index.ts';
import type { PredictorMetrics } from './api/types.ts';
import type { DashboardFilter } from './filters/index.ts';
import {
  API_MAX_PREDICTORS,
  chosenExperiments,
  nngpPredictors,
  type PredictorSpec,
  trainingPredictors,
} from './predictors.ts';

/** Training and NNGP predictors of a view, with their metrics. */
export interface PredictorComparison {
  /** The experiment whose configurations are compared (URL or newest); null without results. */
  experiment: ExperimentSummary | null;
  specs: PredictorSpec[];
  metrics: PredictorMetrics[];
  /** Whether every predictor was evaluated over the experiment's architectures only. */
  sameArchitectures: boolean;
}

/**
 * Metrics of 4/12/36-epoch training and of every configuration of the chosen experiment
 * (URL's or newest) over the filter. With `sameArchitectures` (the default) and an experiment,
 * every predictor is evaluated over the experiment's architectures only, so that τ, PQETP,
 * discovered performance and cost compare like with like (paper Figs. 1-3). The figures of the
 * metrics page share this one request.
 *
 * @example const { experiment, metrics } = await loadPredictorComparison(filter);
 */
export async function loadPredictorComparison(
  filter: DashboardFilter,
  options: { sameArchitectures?: boolean } = {},
): Promise<PredictorComparison> {
  const experiment =
    chosenExperiments(await loadExperiments(filter.space), filter, 'newest')[0] ?? null;
  const training = trainingPredictors(filter.space);
  const specs = [
    ...training,
    ...nngpPredictors(
      experiment === null ? [] : [experiment],
      API_MAX_PREDICTORS - training.length,
    ),
  ];
  const sameArchitectures = (options.sameArchitectures ?? true) && experiment !== null;
  const metrics = await loadMetrics(
    filter,
    specs.map((spec) => spec.input),
    sameArchitectures && experiment !== null ? { experiment: experiment.id } : {},
  );
  return { experiment, specs, metrics, sameArchitectures };
}
