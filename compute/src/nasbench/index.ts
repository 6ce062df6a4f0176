/**
 * The NAS-Bench-101 search space: cells, hashing, channels, parameter and FLOP counts,
 * residual connections, size clusters and enumeration in the dataset's order.
 *
 * @example
 * import { ModelSpec } from '@nngp-nas/compute/nasbench';
 * new ModelSpec(matrix, ops).hash();
 */
export { canonicalOrder } from './canonical.ts';
export { vertexChannels } from './channels.ts';
export {
  clusterOf,
  clustersFromBoundaries,
  clustersFromGaps,
  DEFAULT_CLUSTER_GAP,
  type SizeCluster,
} from './clusters.ts';
export {
  defaultProxyFiles,
  defaultRecordFiles,
  downloadsDir,
  REPO_ROOT,
  SHARED_DATA,
} from './data-files.ts';
export { type EnumeratedModule, type EnumerationProgress, enumerateModules } from './enumerate.ts';
export { SpecError } from './errors.ts';
export { INCEPTION_CELL } from './examples.ts';
export { moduleHash } from './hash.ts';
export { edgeCount, type Matrix, matrixFromText, matrixToText } from './matrix.ts';
export {
  INTERIOR_OPERATIONS,
  type InteriorOperation,
  MAX_EDGES,
  MAX_VERTICES,
  type Operation,
} from './operations.ts';
export {
  type NasbenchRecord,
  RecordFileError,
  readNasbenchRecords,
  readTfRecords,
  writeTfRecords,
} from './records/index.ts';
export { residualConnections } from './residual.ts';
export { sampleSpecs } from './sample.ts';
export { ModelSpec } from './spec.ts';
export {
  type DatabaseStats,
  databaseStats,
  type ImportSummary,
  importProxyCsv,
  importRecordFile,
  type PrepareOptions,
  ProxyFileError,
  prepareDatabase,
  refreshSizeClusters,
  SEARCH_SPACE_SIZE,
  type StepProgress,
  storeEnumeration,
} from './store/index.ts';
export {
  type ConvLayer,
  DEFAULT_SHAPE,
  featureWidth,
  inferenceFlops,
  type NetworkShape,
  networkConvolutions,
  trainableParameters,
} from './structure.ts';
