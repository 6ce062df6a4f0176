import { architectures, type Db, trainingRecords } from '@nngp-nas/db';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';
import type { LoadedPredictor, PredictorScope, TruthRow } from './types.ts';
import type { ValueSource } from './value-source.ts';

/**
 * Where the ground truth is read: the mean final validation accuracy over the repeats of
 * `epochs` (108 unless a caller asks for another budget), nulls skipped.
 *
 * @example groundTruthSource().value // avg(final_validation_accuracy)
 */
export function groundTruthSource(epochs = GROUND_TRUTH_EPOCHS): ValueSource {
  return {
    table: trainingRecords,
    hash: trainingRecords.moduleHash,
    value: sql`avg(${trainingRecords.finalValidationAccuracy})`,
    where: and(
      eq(trainingRecords.epochs, epochs),
      isNotNull(trainingRecords.finalValidationAccuracy),
    ),
    grouped: true,
  };
}

/**
 * The ground truth (DESIGN.md §3): mean final validation accuracy over the repeats of `epochs`
 * (108 unless a caller asks for another budget), of every architecture passing `where` that has
 * one, with its inference FLOPs, ordered by hash.
 *
 * @example await loadGroundTruth(db, architectureWhere(db, { sizeClusters: [0] }))
 */
export async function loadGroundTruth(
  db: Db,
  where: SQL | undefined,
  epochs = GROUND_TRUTH_EPOCHS,
): Promise<TruthRow[]> {
  const source = groundTruthSource(epochs);
  return db
    .select({
      hash: trainingRecords.moduleHash,
      value: sql<number>`${source.value}`.mapWith(Number),
      flops: architectures.flops,
    })
    .from(trainingRecords)
    .innerJoin(architectures, eq(architectures.hash, trainingRecords.moduleHash))
    .where(and(source.where, where))
    .groupBy(trainingRecords.moduleHash, architectures.flops)
    .orderBy(trainingRecords.moduleHash);
}

/**
 * The ground truth of `scope` as a predictor (the default y of a scatter plot).
 *
 * @example (await groundTruthPredictor(scope)).values.get(hash) // 0.9376…
 */
export async function groundTruthPredictor(
  scope: Pick<PredictorScope, 'truth'>,
): Promise<LoadedPredictor> {
  const rows = await scope.truth();
  return {
    label: 'ground truth',
    kind: 'training',
    values: new Map(rows.map((r) => [r.hash, r.value])),
    cost: null,
    trainingRuns: null,
    repeat: 'mean',
    notes: [],
  };
}
