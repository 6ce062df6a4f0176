import {
  architectures,
  type Db,
  type KernelKind,
  nngpExperiments,
  nngpResults,
  proxyScores,
  type SearchSpace,
  trainingRecords,
} from '@nngp-nas/db';
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { TRAINING_BUDGETS } from './constants.ts';
import type { PredictorSpec } from './predictor-spec.ts';
import { repeatLabel, type TrainingRepeat } from './repeat.ts';

/** A predictor the database holds, with how many architectures (of a selection) have it. */
export interface AvailablePredictor {
  /** The PredictorInput fields that select it (kind, epochs/repeat, proxy, experiment/…). */
  spec: PredictorSpec & {
    kind: 'TRAINING' | 'PROXY' | 'MODEL_SIZE' | 'NNGP';
    repeat?: TrainingRepeat | null;
  };
  /** Its default label, as `metrics` and `nngp compare` name it. */
  name: string;
  /** Architectures of the selection with a value of it. */
  count: number;
}

/**
 * Every predictor the database holds: shortened training at each stored (budget, repeat) of 4,
 * 12 and 36 epochs and the mean over each budget's repeats, model size, every imported proxy
 * (by name) and every stored NNGP (and empirical-NTK) configuration of every experiment, each with the number of
 * architectures matching `where` (an `architectureWhere` condition; undefined for all) that
 * have a value of it (a non-null final validation accuracy / score / NNGP accuracy). A
 * predictor stored only outside `where` is listed with count 0.
 *
 * @example (await availablePredictors(db, architectureWhere(db, { sizeClusters: [0] })))[0]
 * // { spec: { kind: 'TRAINING', epochs: 4, repeat: 0 }, name: 'epochs 4 repeat 0', count: 8000 }
 */
export async function availablePredictors(
  db: Db,
  where: SQL | undefined,
): Promise<AvailablePredictor[]> {
  const [training, size, proxies, configs] = await Promise.all([
    trainingCounts(db, where),
    db
      .select({ count: sql<number>`count(*)::int`.mapWith(Number) })
      .from(architectures)
      .where(where),
    proxyCounts(db, where),
    nngpCounts(db, where),
  ]);
  return [
    ...training,
    { spec: { kind: 'MODEL_SIZE' }, name: 'model size', count: size[0]?.count ?? 0 },
    ...proxies.map(
      (p): AvailablePredictor => ({
        spec: { kind: 'PROXY', proxy: p.proxy },
        name: p.proxy,
        count: p.count,
      }),
    ),
    ...configs.map(
      (c): AvailablePredictor => ({
        spec: nngpSpec(c),
        name: `${c.kind} ${c.name} ${c.nTrain}/${c.nVal}/${c.ensemble}`,
        count: c.count,
      }),
    ),
  ];
}

/**
 * Every predictor the database holds for a search space, as specs: for NAS-Bench-101 shortened
 * training at each budget (of `repeat`), model size, every imported proxy (by name) and every
 * stored NNGP configuration of its experiments (the proxies and configurations
 * {@link availablePredictors} lists); for MNAS, which has neither training records nor proxies,
 * model size and the configurations of its experiments.
 *
 * @example (await storedPredictorSpecs(db, 0)).map((s) => s.kind) // ['TRAINING', …, 'PROXY']
 */
export async function storedPredictorSpecs(
  db: Db,
  repeat: TrainingRepeat,
  space: SearchSpace = 'nasbench101',
): Promise<PredictorSpec[]> {
  const nasbench = space === 'nasbench101';
  const [proxies, configs] = await Promise.all([
    nasbench ? proxyCounts(db, undefined) : [],
    nngpCounts(db, undefined, space),
  ]);
  return [
    ...(nasbench
      ? TRAINING_BUDGETS.map((epochs): PredictorSpec => ({ kind: 'TRAINING', epochs, repeat }))
      : []),
    { kind: 'MODEL_SIZE' },
    ...proxies.map((p): PredictorSpec => ({ kind: 'PROXY', proxy: p.proxy })),
    ...configs.map(nngpSpec),
  ];
}

/**
 * The experiments of a search space (NAS-Bench-101 experiments predate the config's `space`).
 *
 * @example db.select().from(nngpExperiments).where(experimentsOfSpace('mnas'))
 */
export function experimentsOfSpace(space: SearchSpace): SQL {
  return sql`coalesce(${nngpExperiments.config}->>'space', 'nasbench101') = ${space}`;
}

/** The spec of a stored configuration: kind NNGP, with kernel NTK when it is the NTK's. */
function nngpSpec(c: {
  experiment: number;
  kind: KernelKind;
  nTrain: number;
  nVal: number;
  ensemble: number;
}): AvailablePredictor['spec'] & { kind: 'NNGP' } {
  return {
    kind: 'NNGP',
    experiment: String(c.experiment),
    ...(c.kind === 'ntk' ? { kernel: 'NTK' as const } : {}),
    nTrain: c.nTrain,
    nVal: c.nVal,
    ensemble: c.ensemble,
  };
}

/** `count(…) filter (where …)`: the rows (or distinct `of`) within `where`, as a number. */
function countWithin(where: SQL | undefined, of?: SQL) {
  const counted = of === undefined ? sql`*` : sql`distinct ${of}`;
  return sql<number>`(count(${counted}) filter (where ${where ?? sql`true`}))::int`.mapWith(Number);
}

/** Each stored (budget, repeat) and (budget, mean), in budget then repeat order, 'mean' last. */
async function trainingCounts(db: Db, where: SQL | undefined): Promise<AvailablePredictor[]> {
  const query = db
    .select({
      epochs: trainingRecords.epochs,
      repeat: trainingRecords.repeat,
      mean: sql<number>`grouping(${trainingRecords.repeat})`.mapWith(Number),
      count: countWithin(where, sql`${trainingRecords.moduleHash}`),
    })
    .from(trainingRecords)
    .$dynamic();
  const rows = await joinArchitecturesIf(query, where, trainingRecords.moduleHash)
    .where(
      and(
        inArray(trainingRecords.epochs, [...TRAINING_BUDGETS]),
        isNotNull(trainingRecords.finalValidationAccuracy),
      ),
    )
    .groupBy(
      sql`grouping sets ((${trainingRecords.epochs}, ${trainingRecords.repeat}), (${trainingRecords.epochs}))`,
    )
    .orderBy(
      asc(trainingRecords.epochs),
      sql`grouping(${trainingRecords.repeat})`,
      asc(trainingRecords.repeat),
    );
  return rows.map((r) => {
    const repeat: TrainingRepeat = r.mean === 1 ? 'mean' : (r.repeat as 0 | 1 | 2);
    return {
      spec: { kind: 'TRAINING', epochs: r.epochs, repeat },
      name: `epochs ${r.epochs} ${repeatLabel(repeat)}`,
      count: r.count,
    };
  });
}

/** Every imported proxy with a score, by name, with its count within `where`. */
function proxyCounts(db: Db, where: SQL | undefined) {
  const query = db
    .select({ proxy: proxyScores.proxy, count: countWithin(where) })
    .from(proxyScores)
    .$dynamic();
  return joinArchitecturesIf(query, where, proxyScores.moduleHash)
    .where(isNotNull(proxyScores.value))
    .groupBy(proxyScores.proxy)
    .orderBy(asc(proxyScores.proxy));
}

/**
 * `query` joined to architectures on `hash` when there is a `where` to count within. The
 * selection is explicit, so the join leaves the result type as it was.
 */
function joinArchitecturesIf<Q extends PgSelect>(
  query: Q,
  where: SQL | undefined,
  hash: PgColumn,
): Q {
  if (where === undefined) return query;
  return query.innerJoin(architectures, eq(architectures.hash, hash)) as unknown as Q;
}

/**
 * Every stored NNGP configuration (experiment, nTrain, nVal, ensemble) with its count, of the
 * experiments of `space` when given.
 */
function nngpCounts(db: Db, where: SQL | undefined, space?: SearchSpace) {
  return db
    .select({
      experiment: nngpResults.experimentId,
      name: nngpExperiments.name,
      kind: nngpResults.kind,
      nTrain: nngpResults.nTrain,
      nVal: nngpResults.nVal,
      ensemble: nngpResults.ensemble,
      count: countWithin(where),
    })
    .from(nngpResults)
    .innerJoin(nngpExperiments, eq(nngpExperiments.id, nngpResults.experimentId))
    .innerJoin(architectures, eq(architectures.hash, nngpResults.moduleHash))
    .where(
      and(
        isNotNull(nngpResults.accuracy),
        space === undefined ? undefined : experimentsOfSpace(space),
      ),
    )
    .groupBy(
      nngpResults.experimentId,
      nngpExperiments.name,
      nngpResults.kind,
      nngpResults.nTrain,
      nngpResults.nVal,
      nngpResults.ensemble,
    )
    .orderBy(
      asc(nngpExperiments.name),
      asc(nngpResults.kind),
      asc(nngpResults.nTrain),
      asc(nngpResults.nVal),
      asc(nngpResults.ensemble),
    );
}
