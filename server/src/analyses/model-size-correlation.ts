import { modelSizeCorrelation } from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import { architectureCondition, GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import type {
  ModelSizeCorrelation,
  QueryModelSizeCorrelationArgs,
} from '../generated/resolvers-types.ts';
import { seriesAt } from '../metrics/aligned.ts';
import { loadPredictors, predictorScope } from '../metrics/load.ts';
import { loadAttributes } from './architecture-attributes.ts';

/**
 * `Query.modelSizeCorrelation` (paper Fig. 6): per predictor, compute's `modelSizeCorrelation`
 * (τ-b and r against the trainable-parameter count) over the filtered architectures having it,
 * in hash order; none gives count 0 and nulls.
 *
 * @example await modelSizeCorrelations(db, { predictors: [{ kind: 'NNGP', experiment: '1' }] })
 */
export async function modelSizeCorrelations(
  db: Db,
  args: QueryModelSizeCorrelationArgs,
): Promise<ModelSizeCorrelation[]> {
  const where = architectureCondition(db, args.filter);
  const loaded = await loadPredictors(
    db,
    args.predictors,
    predictorScope(db, where, GROUND_TRUTH_EPOCHS),
  );
  const union = new Set(loaded.flatMap((p) => [...p.values.keys()]));
  const attributes = await loadAttributes(db, [...union]);
  return loaded.map((p) => {
    const hashes = [...p.values.keys()].sort();
    if (hashes.length === 0)
      return { predictor: p.label, count: 0, kendallTau: null, pearson: null };
    const parameters = Float64Array.from(
      hashes,
      (h) => attributes.get(h)?.trainableParameters as number,
    );
    const { kendallTau, pearson } = modelSizeCorrelation(seriesAt(hashes, p), parameters);
    return { predictor: p.label, count: hashes.length, kendallTau, pearson };
  });
}
