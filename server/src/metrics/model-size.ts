import { architectures, type Db } from '@nngp-nas/db';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';
import { toMap } from './values.ts';

/**
 * The MODEL_SIZE predictor: trainable parameters of every architecture of `scope` (free).
 *
 * @example (await loadModelSize(db, { name: null }, scope)).values.get(hash) // 2694282
 */
export async function loadModelSize(
  db: Db,
  input: Pick<PredictorInput, 'name'>,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const rows = await db
    .select({ hash: architectures.hash, value: architectures.trainableParameters })
    .from(architectures)
    .where(scope.within(architectures.hash));
  return {
    label: input.name ?? 'model size',
    values: toMap(rows),
    cost: () => 0,
    notes: [],
  };
}
