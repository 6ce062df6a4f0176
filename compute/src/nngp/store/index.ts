export { evaluatedHashes, loadSeedKernels, queryResults, saveEvaluation, saveResults } from './evaluations.ts';
export { ensureExperiment, type Experiment, ExperimentConflictError, findExperiment } from './experiments.ts';
