/** The dashboard's one door to the GraphQL API (server side; NNGP_API_URL). */
export {
  loadHybrid,
  loadMetrics,
  loadModelSizeCorrelation,
  loadParameterHistogram,
  loadResidualBias,
  loadScatter,
  loadSearchSpaceReduction,
} from './analyses.ts';
export {
  countEvaluated,
  loadArchitecture,
  loadArchitecturePage,
  loadCounts,
  loadSizeClusters,
} from './architectures.ts';
export { requestGraphql } from './client.ts';
export { enqueueEvaluations } from './enqueue.ts';
export { ApiError, errorMessage } from './errors.ts';
export {
  cancelExperiment,
  createExperiment,
  enqueueSelection,
} from './experiment-mutations.ts';
export {
  loadExperiment,
  loadExperimentLive,
  loadExperimentStates,
  loadExperiments,
} from './experiments.ts';
export { type Fig7Options, loadFig7 } from './fig7.ts';
export type * from './types.ts';
