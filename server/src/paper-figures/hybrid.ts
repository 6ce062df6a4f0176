import { loadHybrid, predictorScope, searchSpaceOf } from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import type { HybridResult, QueryHybridArgs } from '../generated/resolvers-types.ts';
import { evaluateLoaded } from '../predictor-metrics/evaluate.ts';
import { rejectingAs, repeatOr } from '../predictor-metrics/input-error.ts';
import { groundTruthEpochs } from '../predictor-metrics/options.ts';

/**
 * `Query.hybrid` (paper Fig. 9): the least-squares fit of 12-epoch accuracy on (4-epoch, NNGP,
 * 1) over the filtered architectures, and its scores evaluated against the ground truth, exactly
 * as the HYBRID predictor of `metrics` (same loader, same label). An undetermined fit gives
 * null `fit` and `metrics` with a note.
 *
 * @example await hybridResult(db, { nngp: { experiment: '1', nTrain: 100 } })
 */
export function hybridResult(db: Db, args: QueryHybridArgs): Promise<HybridResult> {
  return runAnalysis(
    db,
    'hybrid',
    async (tx) => {
      const scope = predictorScope(tx, architectureCondition(tx, args.filter), {
        truthEpochs: groundTruthEpochs(args.groundTruth),
        truthOnly: true,
        space: searchSpaceOf(args.filter),
      });
      const [hybrid, truth] = await Promise.all([
        rejectingAs(
          loadHybrid(tx, { ...args.nngp, repeat: args.repeat }, scope),
          repeatOr('nngp'),
          'nngp',
        ),
        scope.truth(),
      ]);
      return { ...hybrid, truth };
    },
    async ({ fit, predictor, truth }, run) => {
      if (fit === null) return { fit: null, metrics: null, notes: predictor.notes };
      return {
        fit: {
          epoch4Coefficient: fit.coefficients.epoch4,
          nngpCoefficient: fit.coefficients.nngp,
          bias: fit.coefficients.bias,
          rSquared: fit.rSquared,
          residualStandardError: fit.residualStandardError,
          count: fit.n,
        },
        metrics: await evaluateLoaded(truth, predictor, args, run),
        notes: predictor.notes,
      };
    },
  );
}
