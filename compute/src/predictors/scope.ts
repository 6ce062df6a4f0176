import { architectures, type Db, trainingRecords } from '@nngp-nas/db';
import { and, eq, exists, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';
import { loadGroundTruth } from './ground-truth.ts';
import type { PredictorScope, TruthRow } from './types.ts';

/**
 * The scope of predictors over the architectures passing `where`, with the ground truth loaded
 * at most once however many predictors or analyses read it. With `truthOnly`, predictors are
 * loaded only for the architectures having that ground truth: the same result for every
 * analysis that pairs them with it anyway, and over the full space a few thousand rows instead
 * of 423,624 (model size).
 *
 * @example const scope = predictorScope(db, architectureWhere(db, filter), { truthOnly: true });
 */
export function predictorScope(
  db: Db,
  where: SQL | undefined,
  options: { truthOnly?: boolean; truthEpochs?: number } = {},
): PredictorScope {
  const truthEpochs = options.truthEpochs ?? GROUND_TRUTH_EPOCHS;
  let truth: Promise<TruthRow[]> | undefined;
  return {
    truthEpochs,
    within: (hash) =>
      and(
        inFilter(db, where, hash),
        options.truthOnly ? hasTruth(db, truthEpochs, hash) : undefined,
      ),
    truth: () => {
      truth ??= loadGroundTruth(db, where, truthEpochs);
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
  return inArray(hash, db.select({ hash: architectures.hash }).from(architectures).where(where));
}

const truthRecords = alias(trainingRecords, 'truth_records');

/**
 * The row keyed by `hash` is of an architecture with a final validation accuracy after
 * `epochs`. Tested on the predictor's own key (not `architectures.hash`), so the planner joins
 * the few thousand rows with the ground truth instead of scanning all architectures.
 */
function hasTruth(db: Db, epochs: number, hash: AnyPgColumn): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(truthRecords)
      .where(
        and(
          eq(truthRecords.moduleHash, hash),
          eq(truthRecords.epochs, epochs),
          isNotNull(truthRecords.finalValidationAccuracy),
        ),
      ),
  );
}
