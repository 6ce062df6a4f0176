import { randomSubsets } from '@nngp-nas/compute/metrics';
import type { Db } from '@nngp-nas/db';
import { architectureCondition, GROUND_TRUTH_EPOCHS } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type { QueryScatterArgs, Scatter, ScatterPoint } from '../generated/resolvers-types.ts';
import {
  type LoadedPredictor,
  loadPredictor,
  type PredictorScope,
  predictorScope,
} from '../metrics/load.ts';

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
  // Against the ground truth, x is only needed where there is one.
  const scope = predictorScope(db, architectureCondition(db, args.filter), GROUND_TRUTH_EPOCHS, {
    truthOnly: args.y == null,
  });
  const [x, y] = await Promise.all([
    loadPredictor(db, args.x, { argument: 'x', label: 'x' }, scope),
    args.y == null
      ? truthPredictor(scope)
      : loadPredictor(db, args.y, { argument: 'y', label: 'y' }, scope),
  ]);
  const hashes = [...x.values.keys()].filter((hash) => y.values.has(hash)).sort();
  const sampled = hashes.length > limit;
  const chosen = sampled
    ? Array.from(
        randomSubsets({ count: 1, size: limit, seed }, hashes.length)[0] ?? [],
        (i) => hashes[i] as string,
      )
    : hashes;
  const points: ScatterPoint[] = chosen.map((hash) => ({
    hash,
    x: x.values.get(hash) as number,
    y: y.values.get(hash) as number,
  }));
  points.sort((a, b) => a.x - b.x || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return { x: x.label, y: y.label, total: hashes.length, sampled, points };
}

/** The ground truth (mean 108-epoch validation accuracy) as a predictor labelled 'ground truth'. */
async function truthPredictor(scope: PredictorScope): Promise<LoadedPredictor> {
  const rows = await scope.truth();
  return {
    label: 'ground truth',
    values: new Map(rows.map((r) => [r.hash, r.value])),
    cost: null,
    notes: [],
  };
}
