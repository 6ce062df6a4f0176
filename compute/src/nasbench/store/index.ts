export { architectureRow } from './architecture-rows.ts';
export { upsertArchitectures } from './architectures.ts';
export {
  SEARCH_SPACE_SIZE,
  type StoreEnumerationOptions,
  type StoreEnumerationResult,
  storeEnumeration,
} from './enumeration.ts';
export { type PrepareOptions, prepareDatabase, type StepProgress } from './prepare.ts';
export {
  type Progress,
  type ProgressLinesOptions,
  progressLine,
  progressLines,
  type ShowProgress,
} from './progress-lines.ts';
export { importProxyCsv, ProxyFileError, type ProxyImportSummary } from './proxy-import.ts';
export { refreshSizeClusters } from './size-clusters.ts';
export { type DatabaseStats, databaseStats } from './stats.ts';
export { type ImportOptions, type ImportSummary, importRecordFile } from './training-import.ts';
