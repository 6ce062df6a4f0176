/**
 * The database-reading side of the metrics: loads ground truth, attributes and every stored
 * predictor (shortened training, imported proxies, NNGP configurations) and compares them with
 * the pure functions of compute/metrics.
 *
 * @example
 * const table = await loadPredictorTable(database.pool);
 * comparePredictors(table, { filter: { residualConnections: { min: 1, max: 3 } } });
 */
export {
  type CompareOptions,
  type Comparison,
  comparePredictors,
  type PredictorComparison,
} from './compare-predictors.ts';
export {
  loadPredictorTable,
  type PredictorColumn,
  type PredictorTable,
  TRAINING_BUDGETS,
} from './predictor-table.ts';
