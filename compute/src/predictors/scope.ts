import { architectures, type Db, type SearchSpace } from '@nngp-nas/db';
import { and, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { spaceOnlyOf } from './architecture-where.ts';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';
import { hasGroundTruth, loadGroundTruth } from './ground-truth.ts';
import type { PredictorScope, TruthRow } from './types.ts';

/**
 * The scope of predictors over the architectures passing `where` (of the search space `space`,
 * whose ground truth they are compared with), with the ground truth loaded at most once however
 * many predictors or analyses read it. With `truthOnly`, predictors are loaded only for the
 * architectures having that ground truth: the same result for every analysis that pairs them
 * with it anyway, and over the full space a few thousand rows instead of 423,624 (model size).
 *
 * @example const scope = predictorScope(db, architectureWhere(db, filter), { truthOnly: true, space: searchSpaceOf(filter) });
 */
export function predictorScope(
  db: Db,
  where: SQL | undefined,
  options: { truthOnly?: boolean; truthEpochs?: number; space?: SearchSpace } = {},
): PredictorScope {
  const truthEpochs = options.truthEpochs ?? GROUND_TRUTH_EPOCHS;
  const space = options.space ?? 'nasbench101';
  const choice = { space, epochs: truthEpochs };
  let truth: Promise<TruthRow[]> | undefined;
  return {
    truthEpochs,
    space,
    within: (hash) =>
      and(
        inFilter(db, where, hash),
        options.truthOnly ? hasGroundTruth(db, choice, hash) : undefined,
      ),
    truth: () => {
      truth ??= loadGroundTruth(db, where, choice);
      return truth;
    },
  };
}

/**
 * The row keyed by `hash` is of an architecture passing the filter. Predictor tables are not
 * joined to `architectures` (every key references it): without a filter there is nothing to
 * test, and with one a semi-join on the filtered keys, instead of a scan of all 423,624
 * architectures per predictor.
 */
function inFilter(db: Db, where: SQL | undefined, hash: AnyPgColumn): SQL | undefined {
  if (where === undefined || hash === architectures.hash) return where;
  const space = spaceOnlyOf(where);
  if (space === undefined)
    return inArray(hash, db.select({ hash: architectures.hash }).from(architectures).where(where));
  // The space alone: NAS-Bench-101's 423,624 cells are kept by excluding the few MNAS networks
  // (an index range), MNAS' by including them.
  const mnas = db
    .select({ hash: architectures.hash })
    .from(architectures)
    .where(eq(architectures.space, 'mnas'));
  return space === 'mnas' ? inArray(hash, mnas) : notInArray(hash, mnas);
}
