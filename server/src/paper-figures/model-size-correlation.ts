import { predictorScope, searchSpaceOf } from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf, toPortable } from '../compute-pool/portable.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import type {
  ModelSizeCorrelation,
  QueryModelSizeCorrelationArgs,
} from '../generated/resolvers-types.ts';
import { loadPredictors } from '../predictor-metrics/load.ts';
import { loadAttributes } from './architecture-attributes.ts';

/**
 * `Query.modelSizeCorrelation` (paper Fig. 6): per predictor, compute's `modelSizeCorrelation`
 * (τ-b and r against the trainable-parameter count) over the filtered architectures having it,
 * in hash order; none gives count 0 and nulls.
 *
 * @example await modelSizeCorrelations(db, { predictors: [{ kind: 'NNGP', experiment: '1' }] })
 */
export function modelSizeCorrelations(
  db: Db,
  args: QueryModelSizeCorrelationArgs,
): Promise<ModelSizeCorrelation[]> {
  return runAnalysis(
    db,
    'modelSizeCorrelation',
    async (tx) => {
      const where = architectureCondition(tx, args.filter);
      const loaded = await loadPredictors(
        tx,
        args.predictors,
        predictorScope(tx, where, { space: searchSpaceOf(args.filter) }),
      );
      const union = new Set(loaded.flatMap((p) => [...p.values.keys()]));
      const attributes = await loadAttributes(tx, [...union]);
      return { loaded, attributes };
    },
    ({ loaded, attributes }, run) => {
      const parameters = new Map<string, number>();
      for (const [hash, a] of attributes) parameters.set(hash, a.trainableParameters);
      return Promise.all(
        loaded.map(async (p) => {
          const predictor = toPortable(p.values);
          const trainableParameters = toPortable(parameters);
          // Sorting by hash and the correlations run in a worker.
          const result = await run.compute(
            'modelSize',
            { predictor, trainableParameters },
            buffersOf(predictor.values, trainableParameters.values),
          );
          return { predictor: p.label, ...result };
        }),
      );
    },
  );
}
