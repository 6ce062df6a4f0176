import {
  architectures,
  type Db,
  type KernelKind,
  type NngpExperimentRow,
  nngpExperiments,
  nngpResults,
} from '@nngp-nas/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { NngpCostConfig } from '../metrics/index.ts';
import { HEAD_FILTERS } from '../mnas/choices.ts';
import { nngpCost, ntkCost } from './costs.ts';
import { PredictorInputError } from './errors.ts';
import { parseExperimentId } from './experiment-id.ts';
import type { LoadedNngp, PredictorScope } from './types.ts';
import type { ValueSource } from './value-source.ts';
import { toMap } from './values.ts';

/** An experiment's configuration, resolved: every field given. */
export interface NngpConfiguration {
  experimentId: number;
  /** The kernel inference used (default 'nngp'). */
  kernel?: KernelKind;
  nTrain: number;
  nVal: number;
  ensemble: number;
}

/**
 * Where NNGP accuracy at one configuration of an experiment is read (rows whose every solve
 * failed skipped).
 *
 * @example nngpSource({ experimentId: 1, nTrain: 100, nVal: 100, ensemble: 1 }).grouped // false
 */
export function nngpSource(c: NngpConfiguration): ValueSource {
  return {
    table: nngpResults,
    hash: nngpResults.moduleHash,
    value: sql`${nngpResults.accuracy}`,
    where: and(
      eq(nngpResults.experimentId, c.experimentId),
      eq(nngpResults.kind, c.kernel ?? 'nngp'),
      eq(nngpResults.nTrain, c.nTrain),
      eq(nngpResults.nVal, c.nVal),
      eq(nngpResults.ensemble, c.ensemble),
      isNotNull(nngpResults.accuracy),
    ),
    grouped: false,
  };
}

/**
 * The configuration `input` names of experiment `id` (each of nTrain / nVal / ensemble defaults
 * to the experiment's own, its largest); undefined when there is no such experiment.
 *
 * @example await resolveNngpConfiguration(db, 1, { nTrain: 100 }) // { experimentId: 1, nTrain: 100, … }
 */
export async function resolveNngpConfiguration(
  db: Db,
  id: number,
  input: Pick<NngpInput, 'nTrain' | 'nVal' | 'ensemble' | 'kernel'>,
): Promise<(NngpConfiguration & { experiment: NngpExperimentRow }) | undefined> {
  const [experiment] = await db.select().from(nngpExperiments).where(eq(nngpExperiments.id, id));
  if (experiment === undefined) return undefined;
  const { config } = experiment;
  return {
    experiment,
    experimentId: id,
    kernel: input.kernel === 'NTK' ? 'ntk' : 'nngp',
    nTrain: input.nTrain ?? config.nTrain,
    nVal: input.nVal ?? config.nVal,
    ensemble: input.ensemble ?? config.ensemble,
  };
}

/** An NNGP configuration of an experiment, as asked for. */
export interface NngpInput {
  experiment?: string | null;
  /** 'NTK': inference with the experiment's empirical NTK; default the NNGP kernel. */
  kernel?: 'NNGP' | 'NTK' | null;
  nTrain?: number | null;
  nVal?: number | null;
  ensemble?: number | null;
  name?: string | null;
}

/**
 * NNGP accuracy at a named configuration of an experiment (each of nTrain / nVal / ensemble
 * defaults to the experiment's own). A missing or unknown experiment is a PredictorInputError on
 * `experiment`.
 *
 * @example await loadNngp(db, { experiment: '1', nTrain: 100 }, scope)
 */
export async function loadNngp(
  db: Db,
  input: NngpInput,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedNngp> {
  if (input.experiment == null)
    throw new PredictorInputError('experiment is required', 'experiment');
  const id = parseExperimentId(input.experiment, 'experiment');
  const resolved = await resolveNngpConfiguration(db, id, input);
  if (resolved === undefined)
    throw new PredictorInputError(
      `no experiment ${JSON.stringify(input.experiment)}`,
      'experiment',
    );
  const { experiment, nTrain, nVal, ensemble } = resolved;
  const kernel = resolved.kernel ?? 'nngp';
  const { config } = experiment;
  const source = nngpSource(resolved);
  const rows = await db
    .select({
      hash: nngpResults.moduleHash,
      value: sql<number | null>`${source.value}`,
      parameters: architectures.trainableParameters,
    })
    .from(nngpResults)
    .innerJoin(architectures, eq(architectures.hash, nngpResults.moduleHash))
    .where(and(source.where, scope.within(nngpResults.moduleHash)));
  const mnas = config.space === 'mnas';
  const costConfig: NngpCostConfig = {
    nTrain,
    nVal,
    ensemble,
    // MNAS pools its 1280-channel head; a cell's pooled features double with every stack after
    // the first.
    width: mnas ? HEAD_FILTERS : config.stemChannels * 2 ** (config.stacks - 1),
  };
  const parameters = new Map(rows.map((r) => [r.hash, r.parameters]));
  const passes =
    kernel === 'ntk'
      ? 'forward and backward passes and gradient products use'
      : 'forward passes use';
  const notes = mnas
    ? config.mnas?.resolution === 224
      ? []
      : [
          `cost: ${passes} the 224×224 FLOPs; this experiment ran at ${config.mnas?.resolution}×${config.mnas?.resolution}`,
        ]
    : config.stemChannels === 128
      ? []
      : [
          `cost: ${passes} the full-width (stem 128) FLOPs${kernel === 'ntk' ? ' and parameters' : ''}; this experiment ran with stem ${config.stemChannels}`,
        ];
  return {
    label: input.name ?? `${kernel} ${experiment.name} ${nTrain}/${nVal}/${ensemble}`,
    kind: kernel,
    values: toMap(rows),
    cost:
      kernel === 'ntk'
        ? ntkCost(costConfig, (hash) => parameters.get(hash) ?? 0)
        : nngpCost(costConfig),
    trainingRuns: null,
    repeat: null,
    costConfig,
    notes,
  };
}
