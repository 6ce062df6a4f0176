import {
  checkPredictorSpec,
  type LoadedPredictor,
  loadPredictor,
  type PredictorScope,
} from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import { asArgument, rejectingAs } from './input-error.ts';

/** Most predictors one query may ask for. */
export const MAX_PREDICTORS = 20;

/**
 * The predictors of one list argument (`predictors` by default), each input checked before any
 * query, then loaded concurrently through compute/predictors (the definitions the CLI and the
 * export use). An empty or too long list, bad input, or two predictors with one label, is a
 * BAD_USER_INPUT on that argument naming the field.
 *
 * @example await loadPredictors(db, [{ kind: 'MODEL_SIZE' }, { kind: 'TRAINING', epochs: 4 }], scope)
 */
export async function loadPredictors(
  db: Db,
  inputs: readonly PredictorInput[],
  scope: PredictorScope,
  argument = 'predictors',
): Promise<LoadedPredictor[]> {
  if (inputs.length === 0)
    throw badUserInput(`${argument} is empty, expected at least one`, argument);
  if (inputs.length > MAX_PREDICTORS)
    throw badUserInput(
      `${inputs.length} predictors, at most ${MAX_PREDICTORS} per query`,
      argument,
    );
  inputs.forEach((input, i) => {
    asArgument(argument, () => checkPredictorSpec(input), `${argument}[${i}]`);
  });
  const loaded = await Promise.all(
    inputs.map((input, i) => loadOne(db, input, scope, argument, `${argument}[${i}]`)),
  );
  const labels = new Set<string>();
  for (const p of loaded) {
    if (labels.has(p.label))
      throw badUserInput(
        `two predictors are labelled ${JSON.stringify(p.label)}: give them distinct names`,
        argument,
        'name',
      );
    labels.add(p.label);
  }
  return loaded;
}

/**
 * One predictor input loaded through compute/predictors, its input errors a BAD_USER_INPUT on
 * `argument` prefixed with `label`.
 *
 * @example await loadOne(db, { kind: 'TRAINING', epochs: 4 }, scope, 'x', 'x')
 */
export async function loadOne(
  db: Db,
  input: PredictorInput,
  scope: PredictorScope,
  argument: string,
  label = argument,
): Promise<LoadedPredictor> {
  return rejectingAs(loadPredictor(db, input, scope), argument, label);
}
