import { type Db, trainingRecords } from '@nngp-nas/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { trainingCost } from './costs.ts';
import { PredictorInputError } from './errors.ts';
import { DEFAULT_REPEAT, parseRepeat, repeatLabel, type TrainingRepeat } from './repeat.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';
import type { ValueSource } from './value-source.ts';
import { requireAny, toMap } from './values.ts';

/**
 * Where shortened training's accuracy is read: final validation accuracy after `epochs`, of one
 * repeat or the mean over the repeats stored (nulls skipped).
 *
 * @example trainingSource(12, 'mean').grouped // true
 */
export function trainingSource(epochs: number, repeat: TrainingRepeat): ValueSource {
  const accuracy = trainingRecords.finalValidationAccuracy;
  return {
    table: trainingRecords,
    hash: trainingRecords.moduleHash,
    value: sql`avg(${accuracy})`,
    where: and(
      eq(trainingRecords.epochs, epochs),
      isNotNull(accuracy),
      repeat === 'mean' ? undefined : eq(trainingRecords.repeat, repeat),
    ),
    grouped: true,
  };
}

/** A shortened-training predictor as asked for: a budget, a repeat choice, an optional label. */
export interface TrainingInput {
  epochs?: number | null;
  /** Default {@link DEFAULT_REPEAT} (one repeat, DESIGN.md §3). */
  repeat?: TrainingRepeat | number | string | null;
  name?: string | null;
}

/**
 * A shortened-training predictor: final validation accuracy after `epochs`, of one repeat (0
 * unless `repeat` says otherwise) or the mean over the repeats stored. Its cost charges one
 * training run per repeat used: one for a single repeat, and for 'mean' the number of repeats
 * actually stored for that architecture (3 on NAS-Bench-101). A missing or non-positive budget,
 * a repeat other than 0/1/2/'mean', or a budget / repeat with no record anywhere is a
 * PredictorInputError naming `epochs` or `repeat`.
 *
 * @example await loadTraining(db, { epochs: 12, repeat: 'mean' }, scope) // label 'epochs 12 mean'
 */
export async function loadTraining(
  db: Db,
  input: TrainingInput,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const { epochs } = input;
  if (epochs == null) throw new PredictorInputError('a TRAINING predictor needs epochs', 'epochs');
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new PredictorInputError(`epochs ${epochs} is not positive`, 'epochs');
  const repeat = input.repeat == null ? DEFAULT_REPEAT : parseRepeat(input.repeat);
  const loaded = await trainingValues(db, epochs, repeat, scope);
  if (loaded.values.size === 0) {
    await requireAny(
      db,
      'training',
      eq(trainingRecords.epochs, epochs),
      'epochs',
      `no training records of ${epochs} epochs`,
    );
    if (repeat !== 'mean')
      await requireAny(
        db,
        'training',
        and(eq(trainingRecords.epochs, epochs), eq(trainingRecords.repeat, repeat)),
        'repeat',
        `no training records of ${epochs} epochs repeat ${repeat}`,
      );
  }
  return input.name == null ? loaded : { ...loaded, label: input.name };
}

/**
 * Training accuracy after `epochs` (of one repeat, or the mean over the repeats) as a predictor,
 * not checked to exist anywhere (the hybrid fit treats "none" as no data).
 *
 * @example await trainingValues(db, 4, 0, scope) // label 'epochs 4 repeat 0'
 */
export async function trainingValues(
  db: Db,
  epochs: number,
  repeat: TrainingRepeat,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const source = trainingSource(epochs, repeat);
  const rows = await db
    .select({
      hash: trainingRecords.moduleHash,
      value: sql<number>`${source.value}`.mapWith(Number),
      repeats: sql<number>`count(*)`.mapWith(Number),
    })
    .from(trainingRecords)
    .where(and(source.where, scope.within(trainingRecords.moduleHash)))
    .groupBy(trainingRecords.moduleHash);
  const repeats = new Map(rows.map((r) => [r.hash, r.repeats]));
  const runs = (hash: string) => repeats.get(hash) ?? 1;
  return {
    label: `epochs ${epochs} ${repeatLabel(repeat)}`,
    kind: 'training',
    values: toMap(rows),
    cost: trainingCost(epochs, runs),
    trainingRuns: runs,
    repeat,
    notes:
      repeat === 'mean'
        ? ['cost: one training run per repeat averaged (the mean needs them all)']
        : [],
  };
}
