import {
  checkPredictorSpec,
  groundTruthSource,
  nngpSource,
  type PredictorSpec,
  parseExperimentId,
  parseRepeat,
  proxySource,
  resolveNngpConfiguration,
  trainingSource,
  type ValueSource,
} from '@nngp-nas/compute/predictors';
import type { Db, SearchSpace } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { ArchitectureOrder } from '../generated/resolvers-types.ts';
import { asArgument } from '../predictor-metrics/input-error.ts';

/** A predictor the listing is ordered by: where its values are read, and what names it. */
export interface PredictorOrdering {
  source: ValueSource;
  /** The resolved predictor, e.g. `NNGP 1 100/100/1` (a cursor must have been made under it). */
  key: string;
}

/** The ArchitectureOrder fields that name a predictor. */
const PREDICTOR_FIELDS = [
  'experiment',
  'nTrain',
  'nVal',
  'ensemble',
  'epochs',
  'repeat',
  'proxy',
] as const;

/**
 * The predictor `order` sorts by (compute/predictors' one definition of its value), or undefined
 * for a structural field. A field the chosen `field` does not take, a missing one it needs, an
 * unknown experiment, or a training budget / proxy stored for no architecture is a
 * BAD_USER_INPUT on `argumentName` naming that field.
 *
 * @example await predictorOrdering(db, { field: 'TRAINING', direction: 'DESC', epochs: 12 }) // key 'TRAINING 12 0'
 */
export async function predictorOrdering(
  db: Db,
  order: ArchitectureOrder | null | undefined,
  argumentName = 'orderBy',
  space: SearchSpace = 'nasbench101',
): Promise<PredictorOrdering | undefined> {
  const field = order?.field ?? 'HASH';
  if (order == null || !(field === 'NNGP' || field === 'TRAINING' || field === 'PROXY')) {
    const given = PREDICTOR_FIELDS.find((f) => order?.[f] != null);
    if (given !== undefined)
      throw badUserInput(`${given} does not apply to ordering by ${field}`, argumentName, given);
    return field === 'GROUND_TRUTH'
      ? // The key tells a cursor which ground truth it walked.
        {
          source: groundTruthSource({ space }),
          key: space === 'mnas' ? 'GROUND_TRUTH mnas' : 'GROUND_TRUTH',
        }
      : undefined;
  }
  const spec: PredictorSpec = { kind: field, ...order };
  asArgument(argumentName, () => checkPredictorSpec(spec));
  switch (field) {
    case 'NNGP': {
      if (order.experiment == null)
        throw badUserInput('ordering by NNGP needs experiment', argumentName, 'experiment');
      const id = parseExperimentIdOf(order.experiment, argumentName);
      const c = await resolveNngpConfiguration(db, id, order);
      if (c === undefined)
        throw badUserInput(
          `no experiment ${JSON.stringify(order.experiment)}`,
          argumentName,
          'experiment',
        );
      return { source: nngpSource(c), key: `NNGP ${id} ${c.nTrain}/${c.nVal}/${c.ensemble}` };
    }
    case 'TRAINING': {
      const { epochs } = order;
      if (epochs == null || !Number.isInteger(epochs) || epochs < 1)
        throw badUserInput('ordering by TRAINING needs positive epochs', argumentName, 'epochs');
      const repeat = asArgument(argumentName, () => parseRepeat(order.repeat ?? 0));
      const source = trainingSource(epochs, repeat);
      if (!(await anyValue(db, source))) {
        const field = repeat !== 'mean' && (await anyValue(db, trainingSource(epochs, 'mean')));
        throw badUserInput(
          `no training records of ${epochs} epochs${field ? ` repeat ${repeat}` : ''}`,
          argumentName,
          field ? 'repeat' : 'epochs',
        );
      }
      return { source, key: `TRAINING ${epochs} ${repeat}` };
    }
    case 'PROXY': {
      const { proxy } = order;
      if (proxy == null) throw badUserInput('ordering by PROXY needs proxy', argumentName, 'proxy');
      const source = proxySource(proxy);
      if (!(await anyValue(db, source)))
        throw badUserInput(`no imported proxy ${JSON.stringify(proxy)}`, argumentName, 'proxy');
      return { source, key: `PROXY ${proxy}` };
    }
  }
}

function parseExperimentIdOf(id: string, argumentName: string): number {
  return asArgument(argumentName, () => parseExperimentId(id, 'experiment'));
}

/** Whether `source` has a value for any architecture. */
async function anyValue(db: Db, source: ValueSource): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(source.table)
    .where(source.where)
    .limit(1);
  return row !== undefined;
}
