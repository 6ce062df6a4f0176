import {
  GROUND_TRUTH_EPOCHS,
  predictorScope,
  searchSpaceOf,
  TRAINING_BUDGETS,
  unorderedCommonHashes,
} from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf, toPortable } from '../compute-pool/portable.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import type {
  PredictorInput,
  QueryResidualBiasArgs,
  ResidualBiasRow,
} from '../generated/resolvers-types.ts';
import { loadPredictors } from '../predictor-metrics/load.ts';
import { loadAttributes } from './architecture-attributes.ts';

/**
 * Fig. 4's predictors: shortened training at 4, 12 and 36 epochs (repeat 0, as DESIGN.md §3
 * defines them) and the 108-epoch mean over the repeats (the ground truth itself).
 */
export const RESIDUAL_BIAS_PREDICTORS: readonly PredictorInput[] = [
  ...TRAINING_BUDGETS.map((epochs): PredictorInput => ({ kind: 'TRAINING', epochs })),
  { kind: 'TRAINING', epochs: GROUND_TRUTH_EPOCHS, repeat: 'mean' },
];

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
      const scope = predictorScope(tx, where, { space: searchSpaceOf(args.filter) });
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
