import { architectures, type Db } from '@nngp-nas/db';
import { MODEL_SIZE_COST } from './costs.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';
import { toMap } from './values.ts';

/**
 * Model size as a predictor: trainable parameters of every architecture of `scope` (free).
 *
 * @example (await loadModelSize(db, {}, scope)).values.get(hash) // 2694282
 */
export async function loadModelSize(
  db: Db,
  input: { name?: string | null },
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedPredictor> {
  const rows = await db
    .select({ hash: architectures.hash, value: architectures.trainableParameters })
    .from(architectures)
    .where(scope.within(architectures.hash));
  return {
    label: input.name ?? 'model size',
    kind: 'model-size',
    values: toMap(rows),
    cost: MODEL_SIZE_COST,
    trainingRuns: null,
    repeat: null,
    notes: [],
  };
}
