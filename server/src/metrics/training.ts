import { trainingFlops } from '@nngp-nas/compute/metrics';
import { type Db, trainingRecords } from '@nngp-nas/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import type { LoadedPredictor, PredictorScope, PredictorSite } from './types.ts';
import { requireAny, toMap } from './values.ts';

/**
 * A TRAINING predictor: final validation accuracy after `epochs`, of one repeat or the mean over
 * the repeats. A budget with no record anywhere is a BAD_USER_INPUT on `site.argument`.
 *
 * @example await loadTraining(db, { kind: 'TRAINING', epochs: 12 }, site, scope)
 */
export async function loadTraining(
  db: Db,
  input: Pick<PredictorInput, 'epochs' | 'repeat' | 'name'>,
  site: PredictorSite,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const { epochs, repeat } = input;
  if (epochs == null)
    throw badUserInput(`${site.label}: a TRAINING predictor needs epochs`, site.argument, 'epochs');
  if (!Number.isInteger(epochs) || epochs < 1)
    throw badUserInput(`${site.label}: epochs ${epochs} is not positive`, site.argument, 'epochs');
  if (repeat != null && repeat < 0)
    throw badUserInput(`${site.label}: repeat ${repeat} is negative`, site.argument, 'repeat');
  const loaded = await trainingPredictor(db, epochs, repeat ?? null, scope);
  if (loaded.values.size === 0)
    await requireAny(
      db,
      'training',
      and(
        eq(trainingRecords.epochs, epochs),
        repeat == null ? undefined : eq(trainingRecords.repeat, repeat),
      ),
      site,
      'epochs',
      `no training records of ${epochs} epochs${repeat == null ? '' : ` repeat ${repeat}`}`,
    );
  return input.name == null ? loaded : { ...loaded, label: input.name };
}

/**
 * Training accuracy after `epochs` (of `repeat`, or the mean over repeats) as a predictor, not
 * checked to exist anywhere (the hybrid fit treats "none" as no data). Its cost counts every
 * repeat averaged.
 *
 * @example await trainingPredictor(db, 4, null, scope) // label 'epochs 4 mean'
 */
export async function trainingPredictor(
  db: Db,
  epochs: number,
  repeat: number | null,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const accuracy = trainingRecords.finalValidationAccuracy;
  const rows = await db
    .select({
      hash: trainingRecords.moduleHash,
      value: sql<number>`avg(${accuracy})`.mapWith(Number),
      repeats: sql<number>`count(*)`.mapWith(Number),
    })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.epochs, epochs),
        isNotNull(accuracy),
        repeat == null ? undefined : eq(trainingRecords.repeat, repeat),
        scope.within(trainingRecords.moduleHash),
      ),
    )
    .groupBy(trainingRecords.moduleHash);
  const repeats = new Map(rows.map((r) => [r.hash, r.repeats]));
  return {
    label: `epochs ${epochs} ${repeat == null ? 'mean' : `repeat ${repeat}`}`,
    values: toMap(rows),
    cost: (flops, hash) => (repeats.get(hash) ?? 1) * trainingFlops(epochs, flops),
    notes:
      repeat == null ? ['cost: every repeat averaged is counted (the mean needs them all)'] : [],
  };
}
