/**
 * Monte-Carlo NNGP: kernel estimation from random initialisations, float64 inference over the
 * regularizer grid, storage of per-seed kernels and results, and evaluation runs over workers.
 *
 * @example
 * const result = nngpInference({ kTrainTrain, kValTrain, trainLabels, valLabels });
 * await runEvaluation(database, { cells, largest: { nTrain: 100, nVal: 200, ensemble: 2 }, … });
 */
export { SelectionError, selectArchitectures } from './architecture-selection.ts';
export {
  ConfigError,
  configsWithin,
  formatConfig,
  type NngpConfig,
  parseConfigs,
} from './configs.ts';
export { ensembleKernel } from './ensemble.ts';
export {
  type ArchitectureEvaluation,
  assembleEvaluation,
  type ConfigResult,
  type EvaluationSettings,
  estimateSeed,
  estimateSeedOnnx,
  evaluateArchitecture,
  evaluateNetwork,
  inferConfigs,
  type Retention,
  type SeedEstimate,
  type SeedSettings,
  seedRequest,
  withImageTensor,
} from './evaluate.ts';
export { type CellEvaluationOptions, evaluateCell } from './evaluate-cell.ts';
export {
  defaultEvaluationDataset,
  ENGINES,
  type EngineName,
  EVALUATION_DEFAULTS,
} from './evaluation-defaults.ts';
export {
  InferenceInputError,
  inferenceFromJson,
  nngpInference,
  REGULARIZER_GRID,
} from './inference/index.ts';
export { estimateSeedKernel, estimateSeedKernelOnnx } from './kernel-estimation.ts';
export {
  ensembleSeeds,
  imageTensorShape,
  type Labels,
  loadNngpData,
  type NngpData,
  type NngpDataOptions,
} from './nngp-data.ts';
export { ReinferError, reinferExperiment } from './reinfer.ts';
export {
  type RunEvaluationOptions,
  type RunEvaluationResult,
  runEvaluation,
} from './run-evaluation.ts';
export {
  decodeSeedKernel,
  type EncodedKernel,
  encodeSeedKernel,
  type KernelDtype,
  type SeedKernel,
} from './seed-kernel.ts';
export { ExperimentConflictError, ensureExperiment, findExperiment } from './store/index.ts';
export { EvaluationPool, WorkerError } from './workers/pool.ts';
