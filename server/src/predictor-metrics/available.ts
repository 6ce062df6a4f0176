import { availablePredictors } from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import type { AvailablePredictor, QueryPredictorsArgs } from '../generated/resolvers-types.ts';

/**
 * `Query.predictors`: compute/predictors' `availablePredictors` over the filtered architectures
 * (the one list `nngp compare` evaluates), each as its PredictorInput fields, label and count.
 * A bad filter is BAD_USER_INPUT on `filter`.
 *
 * @example await predictorList(db, { filter: { sizeClusters: [0] } }) // [{ kind: 'TRAINING', epochs: 4, repeat: 0, … }, …]
 */
export async function predictorList(
  db: Db,
  args: QueryPredictorsArgs,
): Promise<AvailablePredictor[]> {
  const rows = await availablePredictors(db, architectureCondition(db, args.filter));
  return rows.map(({ spec, name, count }) => ({
    kind: spec.kind,
    name,
    epochs: spec.epochs ?? null,
    repeat: spec.repeat ?? null,
    proxy: spec.proxy ?? null,
    experiment: spec.experiment ?? null,
    kernel: spec.kernel ?? null,
    nTrain: spec.nTrain ?? null,
    nVal: spec.nVal ?? null,
    ensemble: spec.ensemble ?? null,
    count,
  }));
}
