export {
  type EvaluationResultJson,
  evaluatedHashes,
  loadSeedKernels,
  queryResults,
  saveEvaluation,
  saveResults,
} from './evaluations.ts';
export {
  completingKernel,
  type Experiment,
  ExperimentConflictError,
  ensureExperiment,
  experimentKernels,
  findExperiment,
} from './experiments.ts';
