import type { ArchitectureFilterInput, DashboardFilter } from '../filters/index.ts';
import { toArchitectureFilter } from '../filters/index.ts';
import { query } from './client.ts';
import {
  HYBRID,
  METRICS,
  MODEL_SIZE_CORRELATION,
  PARAMETER_HISTOGRAM,
  RESIDUAL_BIAS,
  SCATTER,
  SEARCH_SPACE_REDUCTION,
} from './documents.ts';
import type {
  HistogramBin,
  HybridResult,
  IntervalsInput,
  ModelSizeCorrelation,
  NngpConfigInput,
  PredictorInput,
  PredictorMetrics,
  ReductionRow,
  ResidualBiasRow,
  Scatter,
} from './types.ts';

/**
 * τ, r, PQETP, discovered performance and cost of each predictor over the filtered
 * architectures; `extra` narrows the filter further (e.g. one size cluster); `intervals` asks
 * for bootstrap intervals of τ and r (priced by their resamples).
 *
 * @example const metrics = await loadMetrics(filter, [{ kind: 'TRAINING', epochs: 4 }]);
 */
export async function loadMetrics(
  filter: DashboardFilter,
  predictors: PredictorInput[],
  extra: ArchitectureFilterInput = {},
  intervals: IntervalsInput | null = null,
): Promise<PredictorMetrics[]> {
  const data = await query(METRICS, {
    filter: toArchitectureFilter(filter, extra),
    predictors,
    intervals,
  });
  return data.metrics;
}

/**
 * Search-space reduction rows (paper Fig. 8) for one NNGP configuration.
 *
 * @example await loadSearchSpaceReduction(filter, { experiment: '1' })
 */
export async function loadSearchSpaceReduction(
  filter: DashboardFilter,
  nngp: NngpConfigInput,
): Promise<ReductionRow[]> {
  const data = await query(SEARCH_SPACE_REDUCTION, {
    filter: toArchitectureFilter(filter),
    nngp,
  });
  return data.searchSpaceReduction;
}

/**
 * The hybrid metric (paper Fig. 9) of one NNGP configuration with 4-epoch training.
 *
 * @example (await loadHybrid(filter, { experiment: '1' })).fit?.rSquared
 */
export async function loadHybrid(
  filter: DashboardFilter,
  nngp: NngpConfigInput,
): Promise<HybridResult> {
  const data = await query(HYBRID, {
    filter: toArchitectureFilter(filter),
    nngp,
  });
  return data.hybrid;
}

/**
 * Mean percentile rank per residual-connection count under each predictor (paper Fig. 4).
 *
 * @example await loadResidualBias(filter, [{ kind: 'TRAINING', epochs: 4 }])
 */
export async function loadResidualBias(
  filter: DashboardFilter,
  predictors: PredictorInput[],
): Promise<ResidualBiasRow[]> {
  const data = await query(RESIDUAL_BIAS, {
    filter: toArchitectureFilter(filter),
    predictors,
  });
  return data.residualBias;
}

/**
 * τ and r of each predictor with the parameter count (paper Fig. 6).
 *
 * @example await loadModelSizeCorrelation(filter, nngpPredictors)
 */
export async function loadModelSizeCorrelation(
  filter: DashboardFilter,
  predictors: PredictorInput[],
): Promise<ModelSizeCorrelation[]> {
  const data = await query(MODEL_SIZE_CORRELATION, {
    filter: toArchitectureFilter(filter),
    predictors,
  });
  return data.modelSizeCorrelation;
}

/**
 * Scatter points of `y` (default ground truth) against `x`, sampled by the server above `limit`.
 *
 * @example await loadScatter(filter, { kind: 'NNGP', experiment: '1' })
 */
export async function loadScatter(
  filter: DashboardFilter,
  x: PredictorInput,
  options: { y?: PredictorInput; limit?: number } = {},
): Promise<Scatter> {
  const data = await query(SCATTER, {
    filter: toArchitectureFilter(filter),
    x,
    y: options.y ?? null,
    limit: options.limit ?? 2000,
  });
  return data.scatter;
}

/**
 * Log-binned histogram of parameter counts over the filtered architectures.
 *
 * @example await loadParameterHistogram(filter, 60)
 */
export async function loadParameterHistogram(
  filter: DashboardFilter,
  bins: number,
): Promise<HistogramBin[]> {
  const data = await query(PARAMETER_HISTOGRAM, {
    filter: toArchitectureFilter(filter),
    bins,
  });
  return data.parameterHistogram;
}
