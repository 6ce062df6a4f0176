/**
 * The study's NNGP results as committed files (results/<experiment>.json + .csv.gz): written from
 * a database, loaded into any database (idempotent). Only the project's own output goes there;
 * NAS-Bench-101 and CIFAR-10 values never do.
 *
 * @example
 * await exportResults(database, { experiments: ['study-stem16'] });
 * await loadResults(otherDatabase); // [{ name: 'study-stem16', loaded: 36000, … }]
 */
export { type ExperimentSettingsFile, exportResults } from './export-results.ts';
export {
  describeLoad,
  type LoadedExperiment,
  loadResults,
  ResultsFileError,
  readResultRows,
  readSettingsFile,
} from './load-results.ts';
export { localDataset, RESULTS_DIR, resultFiles, settingsFilesIn } from './results-files.ts';
