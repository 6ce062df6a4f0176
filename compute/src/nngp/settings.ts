/**
 * The settings of an NNGP evaluation without the machinery that runs one: defaults, engines,
 * configurations. A light front door (no TensorFlow.js, no ONNX Runtime in its import graph) for
 * processes that only create or describe experiments, such as the API.
 *
 * @example
 * import { configsWithin, EVALUATION_DEFAULTS } from '@nngp-nas/compute/nngp/settings';
 * configsWithin({ nTrain: 500, nVal: 200, ensemble: 4 }, [{ nTrain: 100, nVal: 200, ensemble: 1 }]);
 */
export {
  ConfigError,
  configsWithin,
  formatConfig,
  type NngpConfig,
  parseConfigs,
} from './configs.ts';
export {
  defaultEvaluationDataset,
  ENGINES,
  type EngineName,
  EVALUATION_DEFAULTS,
} from './evaluation-defaults.ts';
export {
  completingKernel,
  ExperimentConflictError,
  ensureExperiment,
  experimentKernels,
  findExperiment,
} from './store/experiments.ts';
