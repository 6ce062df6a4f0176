import {
  architectures,
  type Db,
  mnasMeasurements,
  type SearchSpace,
  trainingRecords,
} from '@nngp-nas/db';
import { and, eq, exists, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';
import type { LoadedPredictor, PredictorScope, TruthRow } from './types.ts';
import type { ValueSource } from './value-source.ts';

/** Which ground truth: the space's, and for NAS-Bench-101 the training budget it is read at. */
export interface TruthChoice {
  /** NAS-Bench-101 unless given. */
  space?: SearchSpace;
  /** NAS-Bench-101's epoch budget (108 unless a caller asks for another); MNAS has none. */
  epochs?: number;
}

/**
 * Where the ground truth is read. NAS-Bench-101: the mean final validation accuracy over the
 * repeats of `epochs`, nulls skipped. MNAS: the reward of the imported measurements (computed at
 * import by compute/mnas' mnasReward, with the T and w stored beside it).
 *
 * @example groundTruthSource().value // avg(final_validation_accuracy)
 * @example groundTruthSource({ space: 'mnas' }).table // mnas_measurements
 */
export function groundTruthSource(choice: TruthChoice = {}): ValueSource {
  if (choice.space === 'mnas')
    return {
      table: mnasMeasurements,
      hash: mnasMeasurements.moduleHash,
      value: sql`${mnasMeasurements.reward}`,
      where: undefined,
      grouped: false,
    };
  const epochs = choice.epochs ?? GROUND_TRUTH_EPOCHS;
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
 * The ground truth (DESIGN.md §3; MNAS: the reward) of every architecture passing `where` that
 * has one, with its inference FLOPs, ordered by hash.
 *
 * @example await loadGroundTruth(db, architectureWhere(db, { sizeClusters: [0] }))
 */
export async function loadGroundTruth(
  db: Db,
  where: SQL | undefined,
  choice: TruthChoice = {},
): Promise<TruthRow[]> {
  const source = groundTruthSource(choice);
  const query = db
    .select({
      hash: source.hash,
      value: sql<number>`${source.value}`.mapWith(Number),
      flops: architectures.flops,
    })
    .from(source.table)
    .innerJoin(architectures, eq(architectures.hash, source.hash))
    .where(and(source.where, where))
    .$dynamic();
  const rows = source.grouped ? query.groupBy(source.hash, architectures.flops) : query;
  return (await rows.orderBy(source.hash)) as TruthRow[];
}

const truthRecords = alias(trainingRecords, 'truth_records');
const truthMeasurements = alias(mnasMeasurements, 'truth_measurements');

/**
 * The row keyed by `hash` (any module-hash column) is of an architecture having the ground
 * truth of `choice`. Tested on the caller's own key, so the planner joins its rows with the
 * ground truth instead of scanning all architectures.
 *
 * @example db.select().from(nngpResults).where(hasGroundTruth(db, { space: 'mnas' }, nngpResults.moduleHash))
 */
export function hasGroundTruth(db: Db, choice: TruthChoice, hash: AnyPgColumn): SQL {
  if (choice.space === 'mnas')
    return exists(
      db
        .select({ one: sql`1` })
        .from(truthMeasurements)
        .where(eq(truthMeasurements.moduleHash, hash)),
    );
  return exists(
    db
      .select({ one: sql`1` })
      .from(truthRecords)
      .where(
        and(
          eq(truthRecords.moduleHash, hash),
          eq(truthRecords.epochs, choice.epochs ?? GROUND_TRUTH_EPOCHS),
          isNotNull(truthRecords.finalValidationAccuracy),
        ),
      ),
  );
}

/**
 * The ground truth of `scope` as a predictor (the default y of a scatter plot).
 *
 * @example (await groundTruthPredictor(scope)).values.get(hash) // 0.9376…
 */
export async function groundTruthPredictor(
  scope: Pick<PredictorScope, 'truth' | 'space'>,
): Promise<LoadedPredictor> {
  const rows = await scope.truth();
  return {
    label: scope.space === 'mnas' ? 'reward' : 'ground truth',
    kind: 'training',
    values: new Map(rows.map((r) => [r.hash, r.value])),
    cost: null,
    trainingRuns: null,
    repeat: 'mean',
    notes: [],
  };
}
