import { type NngpCostConfig, nngpFlops, trainingFlops } from '@nngp-nas/compute/metrics';
import {
  architectures,
  type Db,
  nngpExperiments,
  nngpResults,
  proxyScores,
  trainingRecords,
} from '@nngp-nas/db';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { parseExperimentId } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';

/** Ground truth of the filtered architectures, by hash (ascending), with their inference FLOPs. */
export interface TruthRow {
  hash: string;
  value: number;
  flops: number;
}

/** One predictor's values, by hash, and how to price it. */
export interface LoadedPredictor {
  label: string;
  values: Map<string, number>;
  /** FLOPs of the predictor for one architecture (inference FLOPs F, repeats run); null: unknown. */
  cost: ((flops: number, hash: string) => number) | null;
  notes: string[];
}

const ARGUMENT = 'predictors';
const FIELDS_OF: Record<PredictorInput['kind'], readonly (keyof PredictorInput)[]> = {
  NNGP: ['experiment', 'nTrain', 'nVal', 'ensemble'],
  TRAINING: ['epochs', 'repeat'],
  MODEL_SIZE: [],
  PROXY: ['proxy'],
  HYBRID: [],
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
 * Mean final validation accuracy over the repeats of `epochs`, of every architecture passing
 * `where` that has one, ordered by hash.
 *
 * @example await loadTruth(db, 108, architectureCondition(db, { sizeClusters: [0] }))
 */
export async function loadTruth(
  db: Db,
  epochs: number,
  where: SQL | undefined,
): Promise<TruthRow[]> {
  return db
    .select({
      hash: trainingRecords.moduleHash,
      value: sql<number>`avg(${trainingRecords.finalValidationAccuracy})`.mapWith(Number),
      flops: architectures.flops,
    })
    .from(trainingRecords)
    .innerJoin(architectures, eq(architectures.hash, trainingRecords.moduleHash))
    .where(
      and(
        eq(trainingRecords.epochs, epochs),
        isNotNull(trainingRecords.finalValidationAccuracy),
        where,
      ),
    )
    .groupBy(trainingRecords.moduleHash, architectures.flops)
    .orderBy(trainingRecords.moduleHash);
}

/**
 * The values of predictor `index` over the architectures passing `where` (parameterised Drizzle
 * queries only). Input that names no predictor is a BAD_USER_INPUT on `predictors`.
 */
export async function loadPredictor(
  db: Db,
  input: PredictorInput,
  index: number,
  where: SQL | undefined,
): Promise<LoadedPredictor> {
  checkFields(input, index);
  switch (input.kind) {
    case 'TRAINING':
      return loadTraining(db, input, index, where);
    case 'PROXY':
      return loadProxy(db, input, index, where);
    case 'MODEL_SIZE':
      return loadModelSize(db, input, where);
    case 'NNGP':
      return loadNngp(db, input, index, where);
    default:
      throw badUserInput(
        `predictors[${index}]: ${input.kind} predictors are not yet supported`,
        ARGUMENT,
        'kind',
      );
  }
}

function checkFields(input: PredictorInput, index: number): void {
  const allowed = FIELDS_OF[input.kind] ?? [];
  for (const field of OPTIONAL)
    if (input[field] != null && !allowed.includes(field))
      throw badUserInput(
        `predictors[${index}]: ${field} does not apply to a ${input.kind} predictor${
          allowed.length > 0 ? ` (it takes ${allowed.join(', ')})` : ''
        }`,
        ARGUMENT,
        field,
      );
  if (input.name != null && input.name.trim() === '')
    throw badUserInput(`predictors[${index}]: name is empty`, ARGUMENT, 'name');
}

function toMap(rows: { hash: string; value: number | null }[]): Map<string, number> {
  const values = new Map<string, number>();
  // NaN and ±Infinity (a failed computation) count as missing.
  for (const r of rows)
    if (r.value !== null && Number.isFinite(r.value)) values.set(r.hash, r.value);
  return values;
}

async function loadTraining(
  db: Db,
  input: PredictorInput,
  index: number,
  where: SQL | undefined,
): Promise<LoadedPredictor> {
  const { epochs, repeat } = input;
  if (epochs == null)
    throw badUserInput(
      `predictors[${index}]: a TRAINING predictor needs epochs`,
      ARGUMENT,
      'epochs',
    );
  if (!Number.isInteger(epochs) || epochs < 1)
    throw badUserInput(
      `predictors[${index}]: epochs ${epochs} is not positive`,
      ARGUMENT,
      'epochs',
    );
  if (repeat != null && repeat < 0)
    throw badUserInput(`predictors[${index}]: repeat ${repeat} is negative`, ARGUMENT, 'repeat');
  const accuracy = trainingRecords.finalValidationAccuracy;
  const conditions = and(
    eq(trainingRecords.epochs, epochs),
    isNotNull(accuracy),
    repeat == null ? undefined : eq(trainingRecords.repeat, repeat),
    where,
  );
  const rows = await db
    .select({
      hash: trainingRecords.moduleHash,
      value: sql<number>`avg(${accuracy})`.mapWith(Number),
      repeats: sql<number>`count(*)`.mapWith(Number),
    })
    .from(trainingRecords)
    .innerJoin(architectures, eq(architectures.hash, trainingRecords.moduleHash))
    .where(conditions)
    .groupBy(trainingRecords.moduleHash);
  if (rows.length === 0)
    await requireAny(
      db,
      'training',
      and(
        eq(trainingRecords.epochs, epochs),
        repeat == null ? undefined : eq(trainingRecords.repeat, repeat),
      ),
      index,
      'epochs',
      `no training records of ${epochs} epochs${repeat == null ? '' : ` repeat ${repeat}`}`,
    );
  const repeats = new Map(rows.map((r) => [r.hash, r.repeats]));
  const trainingCost = (flops: number, hash: string) =>
    (repeats.get(hash) ?? 1) * trainingFlops(epochs, flops);
  return {
    label: input.name ?? `epochs ${epochs} ${repeat == null ? 'mean' : `repeat ${repeat}`}`,
    values: toMap(rows),
    cost: trainingCost,
    notes:
      repeat == null ? ['cost: every repeat averaged is counted (the mean needs them all)'] : [],
  };
}

async function loadProxy(
  db: Db,
  input: PredictorInput,
  index: number,
  where: SQL | undefined,
): Promise<LoadedPredictor> {
  const proxy = input.proxy;
  if (proxy == null)
    throw badUserInput(`predictors[${index}]: a PROXY predictor needs proxy`, ARGUMENT, 'proxy');
  const rows = await db
    .select({ hash: proxyScores.moduleHash, value: proxyScores.value })
    .from(proxyScores)
    .innerJoin(architectures, eq(architectures.hash, proxyScores.moduleHash))
    .where(and(eq(proxyScores.proxy, proxy), isNotNull(proxyScores.value), where));
  if (rows.length === 0)
    await requireAny(
      db,
      'proxy',
      eq(proxyScores.proxy, proxy),
      index,
      'proxy',
      `no imported proxy ${JSON.stringify(proxy)}`,
    );
  return {
    label: input.name ?? proxy,
    values: toMap(rows),
    cost: null,
    notes: ['cost: unknown for an imported proxy (computed elsewhere)'],
  };
}

async function loadModelSize(
  db: Db,
  input: PredictorInput,
  where: SQL | undefined,
): Promise<LoadedPredictor> {
  const rows = await db
    .select({ hash: architectures.hash, value: architectures.trainableParameters })
    .from(architectures)
    .where(where);
  return {
    label: input.name ?? 'model size',
    values: toMap(rows),
    cost: () => 0,
    notes: [],
  };
}

async function loadNngp(
  db: Db,
  input: PredictorInput,
  index: number,
  where: SQL | undefined,
): Promise<LoadedPredictor> {
  if (input.experiment == null)
    throw badUserInput(
      `predictors[${index}]: an NNGP predictor needs experiment`,
      ARGUMENT,
      'experiment',
    );
  const id = parseExperimentId(input.experiment, ARGUMENT, 'experiment');
  const [experiment] = await db.select().from(nngpExperiments).where(eq(nngpExperiments.id, id));
  if (experiment === undefined)
    throw badUserInput(
      `predictors[${index}]: no experiment ${JSON.stringify(input.experiment)}`,
      ARGUMENT,
      'experiment',
    );
  const { config } = experiment;
  const nTrain = input.nTrain ?? config.nTrain;
  const nVal = input.nVal ?? config.nVal;
  const ensemble = input.ensemble ?? config.ensemble;
  const rows = await db
    .select({ hash: nngpResults.moduleHash, value: nngpResults.accuracy })
    .from(nngpResults)
    .innerJoin(architectures, eq(architectures.hash, nngpResults.moduleHash))
    .where(
      and(
        eq(nngpResults.experimentId, id),
        eq(nngpResults.nTrain, nTrain),
        eq(nngpResults.nVal, nVal),
        eq(nngpResults.ensemble, ensemble),
        isNotNull(nngpResults.accuracy),
        where,
      ),
    );
  const costConfig: NngpCostConfig = {
    nTrain,
    nVal,
    ensemble,
    // Pooled features double with every stack after the first.
    width: config.stemChannels * 2 ** (config.stacks - 1),
  };
  const notes =
    config.stemChannels === 128
      ? []
      : [
          `cost: forward passes use the full-width (stem 128) FLOPs; this experiment ran with stem ${config.stemChannels}`,
        ];
  return {
    label: input.name ?? `nngp ${experiment.name} ${nTrain}/${nVal}/${ensemble}`,
    values: toMap(rows),
    cost: (flops) => nngpFlops(costConfig, flops),
    notes,
  };
}

/** Refuses a predictor that has no value anywhere (not just outside the filter). */
async function requireAny(
  db: Db,
  table: 'training' | 'proxy',
  condition: SQL | undefined,
  index: number,
  field: string,
  message: string,
): Promise<void> {
  const source = table === 'training' ? trainingRecords : proxyScores;
  const [any] = await db.select({ one: sql<number>`1` }).from(source).where(condition).limit(1);
  if (any === undefined) throw badUserInput(`predictors[${index}]: ${message}`, ARGUMENT, field);
}
