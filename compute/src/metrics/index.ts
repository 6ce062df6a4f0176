/**
 * Everything the paper measures about a performance predictor, in pure TypeScript (no tfjs, no
 * database), so the GraphQL server and the CLI share one implementation: Kendall's τ-b in
 * O(n log n), Pearson's r, PQETP, discovered performance, costs in PFLOPs, search-space
 * reduction, the hybrid metric, model-size correlation, residual-connection bias, bootstrap
 * intervals, each within any subset of architectures. Definitions: DESIGN.md §5.
 *
 * @example
 * const report = evaluatePredictors(truth, { nngp, 'epochs 12': e12 }, { bootstrap: {} });
 * report.nngp.kendallTau; // 0.43
 */
export {
  type BootstrapIntervals,
  type BootstrapOptions,
  bootstrapCorrelations,
  bootstrapMean,
  bootstrapPqetp,
  type Interval,
} from './bootstrap.ts';
export {
  type NngpCostConfig,
  nngpFlops,
  ntkFlops,
  PETA,
  setCostPflops,
  TRAINING_IMAGES,
  trainingFlops,
  VALIDATION_IMAGES,
} from './costs.ts';
export {
  DEFAULT_TOP_K,
  type DiscoveredPerformance,
  discoverBest,
  discoveredPerformance,
  meanAndStandardError,
  topK,
} from './discovered.ts';
export { MetricsInputError } from './errors.ts';
export {
  type ComparedEvaluation,
  type DiscoveredReport,
  type EvaluationOptions,
  evaluatePredictor,
  evaluatePredictors,
  type PredictorEvaluation,
} from './evaluate-predictor.ts';
export { metricsFromJson } from './from-json.ts';
export {
  fitHybrid,
  type HybridFit,
  type HybridReport,
  hybridMetric,
  hybridScores,
} from './hybrid.ts';
export { inversionsAndTies, kendallTau, kendallTauOfRanks } from './kendall.ts';
export { modelSizeCorrelation } from './model-size.ts';
export { pearson, pearsonOfChecked } from './pearson.ts';
export {
  auroc,
  type PqetpPercentilePoint,
  type PqetpPoint,
  pqetpCurve,
  pqetpPercentiles,
  type ThresholdRange,
  thresholdsWhereBetter,
} from './pqetp.ts';
export { type ResidualBiasRow, residualBias } from './residual-bias.ts';
export {
  PAPER_KEEP_PERCENTS,
  type ReductionInput,
  type ReductionOptions,
  type ReductionRow,
  searchSpaceReduction,
} from './search-space-reduction.ts';
export { type DenseRanks, denseRanks, midranks, sortOrder } from './sort-order.ts';
export {
  type ArchitectureAttributes,
  type ArchitectureFilter,
  type Bounds,
  checkSubset,
  filterArchitectures,
  PAPER_SUBSETS,
  type RandomSubsets,
  randomSubsets,
  restrict,
  type Subset,
} from './subsets.ts';
export {
  PQETP_THRESHOLDS,
  PQETP_TOP_PERCENTS,
  percentileThreshold,
  quantile,
  quantileOfSorted,
  sortedCopy,
  spreadThresholds,
} from './thresholds.ts';
export { checkPair, checkSameLength, checkSeries, isConstant, type Series } from './validate.ts';
