import type { Db } from '@nngp-nas/db';
import { architectureCondition, GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import { buffersOf, toPortable } from '../compute-pool/portable.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import type {
  PredictorInput,
  QueryResidualBiasArgs,
  ResidualBiasRow,
} from '../generated/resolvers-types.ts';
import { unorderedCommonHashes } from '../metrics/aligned.ts';
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
export function residualBiasRows(db: Db, args: QueryResidualBiasArgs): Promise<ResidualBiasRow[]> {
  return runAnalysis(
    db,
    'residualBias',
    async (tx) => {
      const where = architectureCondition(tx, args.filter);
      const scope = predictorScope(tx, where, GROUND_TRUTH_EPOCHS);
      const loaded = await loadPredictors(tx, args.predictors ?? RESIDUAL_BIAS_PREDICTORS, scope);
      // The worker sorts: here the order does not matter.
      const common = unorderedCommonHashes(loaded);
      const attributes = common.length === 0 ? new Map() : await loadAttributes(tx, common);
      return { loaded, attributes };
    },
    async ({ loaded, attributes }, run) => {
      if (attributes.size === 0) return [];
      const residuals = new Map<string, number>();
      for (const [hash, a] of attributes) residuals.set(hash, a.residualConnections);
      const predictors = loaded.map((p) => ({ label: p.label, values: toPortable(p.values) }));
      const residualConnections = toPortable(residuals);
      const rows = await run.compute(
        'residualBias',
        { predictors, residualConnections },
        buffersOf(residualConnections.values, ...predictors.map((p) => p.values.values)),
      );
      return rows.map((row) => ({
        residualConnections: row.residualConnections,
        architectures: row.architectures,
        percentiles: loaded.map((p) => ({
          predictor: p.label,
          meanPercentile: row.meanPercentile[p.label] as number,
        })),
      }));
    },
  );
}
