import { groundTruthPredictor, predictorScope, searchSpaceOf } from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { architectureCondition } from '../architectures/filter.ts';
import { buffersOf, toPortable } from '../compute-pool/portable.ts';
import { runAnalysis } from '../compute-pool/run-analysis.ts';
import { badUserInput } from '../errors.ts';
import type { QueryScatterArgs, Scatter } from '../generated/resolvers-types.ts';
import { loadOne } from '../predictor-metrics/load.ts';

/** Points returned when the query gives no `limit`. */
export const DEFAULT_SCATTER_LIMIT = 2_000;
/** Most points one scatter may return. */
export const MAX_SCATTER_LIMIT = 20_000;

/**
 * `Query.scatter` (paper Fig. S3/S4, S7): `y` (default the ground truth) against `x` over the
 * filtered architectures having both. Above `limit` points, a uniform sample without
 * replacement drawn with compute's seeded generator (one `randomSubsets` subset over the
 * architectures in hash order), so a seed gives the same points every time. Points are sorted by
 * x (then hash).
 *
 * @example await scatterPoints(db, { x: { kind: 'MODEL_SIZE' }, limit: 500, seed: 1 })
 */
export async function scatterPoints(db: Db, args: QueryScatterArgs): Promise<Scatter> {
  const limit = args.limit ?? DEFAULT_SCATTER_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SCATTER_LIMIT)
    throw badUserInput(`limit ${limit} is not in [1, ${MAX_SCATTER_LIMIT}]`, 'limit');
  const seed = args.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0)
    throw badUserInput(`seed ${seed} is negative, expected an integer ≥ 0`, 'seed');
  return runAnalysis(
    db,
    'scatter',
    (tx) => {
      // Against the ground truth, x is only needed where there is one.
      const scope = predictorScope(tx, architectureCondition(tx, args.filter), {
        truthOnly: args.y == null,
        space: searchSpaceOf(args.filter),
      });
      return Promise.all([
        loadOne(tx, args.x, scope, 'x'),
        args.y == null ? groundTruthPredictor(scope) : loadOne(tx, args.y, scope, 'y'),
      ]);
    },
    async ([x, y], run) => {
      const xValues = toPortable(x.values);
      const yValues = toPortable(y.values);
      // Aligning, sorting and sampling run in a worker.
      const { total, sampled, points } = await run.compute(
        'scatter',
        { x: xValues, y: yValues, limit, seed },
        buffersOf(xValues.values, yValues.values),
      );
      return { x: x.label, y: y.label, total, sampled, points };
    },
  );
}
