export { architectureRow } from './architecture-rows.ts';
export { upsertArchitectures } from './architectures.ts';
export { SEARCH_SPACE_SIZE, type StoreEnumerationResult, storeEnumeration } from './enumeration.ts';
export { type PrepareOptions, prepareDatabase } from './prepare.ts';
export { importProxyCsv, ProxyFileError, type ProxyImportSummary } from './proxy-import.ts';
export { refreshSizeClusters } from './size-clusters.ts';
export { type DatabaseStats, databaseStats } from './stats.ts';
export { type ImportOptions, type ImportSummary, importRecordFile } from './training-import.ts';
