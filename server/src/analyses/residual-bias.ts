import { residualBias } from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import { architectureCondition, GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import type {
  PredictorInput,
  QueryResidualBiasArgs,
  ResidualBiasRow,
} from '../generated/resolvers-types.ts';
import { commonHashes, seriesAt } from '../metrics/aligned.ts';
import { loadPredictors, predictorScope } from '../metrics/load.ts';
import { loadAttributes } from './architecture-attributes.ts';

/** Fig. 4's predictors: training at 4, 12, 36 and 108 epochs, mean over repeats. */
export const RESIDUAL_BIAS_PREDICTORS: readonly PredictorInput[] = [4, 12, 36, 108].map(
  (epochs) => ({ kind: 'TRAINING', epochs }),
);

/**
 * `Query.residualBias` (paper Fig. 4): over the filtered architectures having every predictor,
 * compute's `residualBias`: per residual-connection count, the mean percentile rank of its
 * architectures under each predictor. None having them all gives no rows.
 *
 * @example await residualBiasRows(db, { filter: { sizeClusters: [0] } })
 */
export async function residualBiasRows(
  db: Db,
  args: QueryResidualBiasArgs,
): Promise<ResidualBiasRow[]> {
  const where = architectureCondition(db, args.filter);
  const scope = predictorScope(db, where, GROUND_TRUTH_EPOCHS);
  const loaded = await loadPredictors(db, args.predictors ?? RESIDUAL_BIAS_PREDICTORS, scope);
  const hashes = commonHashes(loaded);
  if (hashes.length === 0) return [];
  const attributes = await loadAttributes(db, hashes);
  const rows = residualBias(
    Float64Array.from(hashes, (h) => attributes.get(h)?.residualConnections as number),
    Object.fromEntries(loaded.map((p) => [p.label, seriesAt(hashes, p)])),
  );
  return rows.map((row) => ({
    residualConnections: row.residualConnections,
    architectures: row.architectures,
    percentiles: loaded.map((p) => ({
      predictor: p.label,
      meanPercentile: row.meanPercentile[p.label] as number,
    })),
  }));
}
