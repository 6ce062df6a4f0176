import type { Db } from '@nngp-nas/db';
import { PredictorInputError } from './errors.ts';
import { loadHybrid } from './hybrid.ts';
import { loadModelSize } from './model-size.ts';
import { loadNngp } from './nngp.ts';
import { FIELDS_OF, type PredictorSpec } from './predictor-spec.ts';
import { loadProxy } from './proxy.ts';
import { loadTraining } from './training.ts';
import type { LoadedPredictor, PredictorScope } from './types.ts';

const OPTIONAL: readonly (keyof PredictorSpec)[] = [
  'experiment',
  'nTrain',
  'nVal',
  'ensemble',
  'epochs',
  'repeat',
  'proxy',
];

/**
 * Refuses a field that does not apply to the spec's kind, or an empty name, with a
 * PredictorInputError naming the field.
 *
 * @example checkPredictorSpec({ kind: 'PROXY', epochs: 4 }) // throws on 'epochs'
 */
export function checkPredictorSpec(spec: PredictorSpec): void {
  const allowed = FIELDS_OF[spec.kind];
  if (allowed === undefined)
    throw new PredictorInputError(`unknown predictor kind ${JSON.stringify(spec.kind)}`, 'kind');
  for (const field of OPTIONAL)
    if (spec[field] != null && !allowed.includes(field))
      throw new PredictorInputError(
        `${field} does not apply to a ${spec.kind} predictor${
          allowed.length > 0 ? ` (it takes ${allowed.join(', ')})` : ''
        }`,
        field,
      );
  if (spec.name != null && spec.name.trim() === '')
    throw new PredictorInputError('name is empty', 'name');
}

/**
 * The values of one predictor over the architectures of `scope`, so a predictor means the same
 * in the CLI, every API query and the export. Input that names no predictor is a
 * PredictorInputError naming the field.
 *
 * @example await loadPredictor(db, { kind: 'TRAINING', epochs: 4, repeat: 'mean' }, scope)
 */
export async function loadPredictor(
  db: Db,
  spec: PredictorSpec,
  scope: PredictorScope,
): Promise<LoadedPredictor> {
  checkPredictorSpec(spec);
  switch (spec.kind) {
    case 'TRAINING':
      return loadTraining(db, spec, scope);
    case 'PROXY':
      return loadProxy(db, spec, scope);
    case 'MODEL_SIZE':
      return loadModelSize(db, spec, scope);
    case 'NNGP':
      return loadNngp(db, spec, scope);
    case 'HYBRID':
      return (await loadHybrid(db, spec, scope)).predictor;
  }
}
