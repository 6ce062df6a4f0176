import type { Db } from '@nngp-nas/db';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import { loadHybrid } from './hybrid.ts';
import { loadModelSize } from './model-size.ts';
import { loadNngp } from './nngp.ts';
import { loadProxy } from './proxy.ts';
import { loadTraining } from './training.ts';
import type { LoadedPredictor, PredictorScope, PredictorSite } from './types.ts';

export { loadTruth, predictorScope } from './truth.ts';
export type { LoadedPredictor, PredictorScope, PredictorSite, TruthRow } from './types.ts';

/** Most predictors one query may ask for. */
export const MAX_PREDICTORS = 20;

const FIELDS_OF: Record<PredictorInput['kind'], readonly (keyof PredictorInput)[]> = {
  NNGP: ['experiment', 'nTrain', 'nVal', 'ensemble'],
  TRAINING: ['epochs', 'repeat'],
  MODEL_SIZE: [],
  PROXY: ['proxy'],
  HYBRID: ['experiment', 'nTrain', 'nVal', 'ensemble'],
};
const OPTIONAL: readonly (keyof PredictorInput)[] = [
  'experiment',
  'nTrain',
  'nVal',
  'ensemble',
  'epochs',
  'repeat',
  'proxy',
];

/**
 * The predictors of one list argument (`predictors` by default), each input checked before any
 * query, then loaded concurrently. An empty or too long list, or two predictors with one label,
 * is a BAD_USER_INPUT on that argument.
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
  const sites = inputs.map((input, i): PredictorSite => {
    const site = { argument, label: `${argument}[${i}]` };
    checkFields(input, site);
    return site;
  });
  const loaded = await Promise.all(
    inputs.map((input, i) => loadPredictor(db, input, sites[i] as PredictorSite, scope)),
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
 * The values of one predictor over the architectures of `scope` (parameterised Drizzle queries
 * only), so a predictor means the same in every query. Input that names no predictor is a
 * BAD_USER_INPUT on `site.argument`, naming the field.
 *
 * @example await loadPredictor(db, { kind: 'TRAINING', epochs: 4 }, { argument: 'x', label: 'x' }, scope)
 */
export async function loadPredictor(
  db: Db,
  input: PredictorInput,
  site: PredictorSite,
  scope: PredictorScope,
): Promise<LoadedPredictor> {
  checkFields(input, site);
  switch (input.kind) {
    case 'TRAINING':
      return loadTraining(db, input, site, scope);
    case 'PROXY':
      return loadProxy(db, input, site, scope);
    case 'MODEL_SIZE':
      return loadModelSize(db, input, scope);
    case 'NNGP':
      return loadNngp(db, input, site, scope);
    case 'HYBRID':
      return (await loadHybrid(db, input, site, scope)).predictor;
    default:
      throw badUserInput(
        `${site.label}: unknown predictor kind ${JSON.stringify(input.kind)}`,
        site.argument,
        'kind',
      );
  }
}

function checkFields(input: PredictorInput, site: PredictorSite): void {
  const allowed = FIELDS_OF[input.kind] ?? [];
  for (const field of OPTIONAL)
    if (input[field] != null && !allowed.includes(field))
      throw badUserInput(
        `${site.label}: ${field} does not apply to a ${input.kind} predictor${
          allowed.length > 0 ? ` (it takes ${allowed.join(', ')})` : ''
        }`,
        site.argument,
        field,
      );
  if (input.name != null && input.name.trim() === '')
    throw badUserInput(`${site.label}: name is empty`, site.argument, 'name');
}
