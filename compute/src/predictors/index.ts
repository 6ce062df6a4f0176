/**
 * Every predictor of the paper, defined and loaded once from the database for the CLI
 * (`nngp compare`), the API (`metrics` and the analyses) and the CSV export: the ground truth
 * (mean 108-epoch validation accuracy), shortened training at 4/12/36 epochs with an explicit
 * repeat choice (0, 1, 2 or 'mean'), imported proxies, model size, NNGP configurations and the
 * hybrid, each with its cost. Pure SQL over @nngp-nas/db's drizzle, no TensorFlow.js, so the
 * server imports it.
 *
 * @example
 * const scope = predictorScope(db, architectureWhere(db, { sizeClusters: [0] }), { truthOnly: true });
 * const p = await loadPredictor(db, { kind: 'TRAINING', epochs: 12, repeat: 'mean' }, scope);
 * const a = alignWithTruth(await scope.truth(), p); // then compute/metrics' evaluatePredictors
 */
export {
  commonHashes,
  commonRows,
  runsAt,
  seriesAt,
  unorderedCommonHashes,
} from './aligned.ts';
export {
  type ArchitectureSelection,
  architectureWhere,
  checkSizeClusterIdShapes,
  type IntRangeSelection,
  MAX_FILTER_OPERATIONS,
  MAX_FILTER_SIZE_CLUSTERS,
  type SearchSpaceName,
  searchSpaceOf,
} from './architecture-where.ts';
export {
  type CompareOptions,
  type Comparison,
  comparePredictors,
  type PredictorComparison,
} from './compare-predictors.ts';
export { GROUND_TRUTH_EPOCHS, NASBENCH_REPEATS, TRAINING_BUDGETS } from './constants.ts';
export {
  costPflopsOver,
  MODEL_SIZE_COST,
  nngpCost,
  ntkCost,
  PROXY_COST_NOTE,
  trainingCost,
} from './costs.ts';
export { PredictorInputError } from './errors.ts';
export {
  type AlignedPredictor,
  alignWithTruth,
  type SubsetsChoice,
  subsetsSpec,
} from './evaluation-input.ts';
export {
  EMPTY_REPORT,
  type EvaluationReport,
  evaluationReport,
  NOTHING_IN_COMMON,
} from './evaluation-report.ts';
export { parseExperimentId } from './experiment-id.ts';
export {
  groundTruthPredictor,
  groundTruthSource,
  hasGroundTruth,
  loadGroundTruth,
  type TruthChoice,
} from './ground-truth.ts';
export { type LoadedHybrid, loadHybrid } from './hybrid.ts';
export { checkPredictorSpec, loadPredictor } from './load-predictor.ts';
export { loadModelSize } from './model-size.ts';
export {
  loadNngp,
  type NngpConfiguration,
  type NngpInput,
  nngpSource,
  resolveNngpConfiguration,
} from './nngp.ts';
export { FIELDS_OF, type PredictorSpec } from './predictor-spec.ts';
export { loadProxy, proxySource } from './proxy.ts';
export {
  DEFAULT_REPEAT,
  parseRepeat,
  repeatLabel,
  type TrainingRepeat,
} from './repeat.ts';
export { predictorScope } from './scope.ts';
export { seededArchitectureOrder } from './seeded-order.ts';
export {
  type AvailablePredictor,
  availablePredictors,
  experimentsOfSpace,
  storedPredictorSpecs,
} from './stored-predictors.ts';
export {
  loadTraining,
  type TrainingInput,
  trainingSource,
  trainingValues,
} from './training.ts';
export { groundTruthOf, type TrainingMeanModel, trainingMeans } from './training-means.ts';
export type {
  LoadedNngp,
  LoadedPredictor,
  PredictorKind,
  PredictorScope,
  TruthRow,
} from './types.ts';
export type { ValueSource } from './value-source.ts';
