import { type Db, nngpExperiments, nngpResults } from '@nngp-nas/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { NngpCostConfig } from '../metrics/index.ts';
import { nngpCost } from './costs.ts';
import { PredictorInputError } from './errors.ts';
import { parseExperimentId } from './experiment-id.ts';
import type { LoadedNngp, PredictorScope } from './types.ts';
import { toMap } from './values.ts';

/** An NNGP configuration of an experiment, as asked for. */
export interface NngpInput {
  experiment?: string | null;
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
  const [experiment] = await db.select().from(nngpExperiments).where(eq(nngpExperiments.id, id));
  if (experiment === undefined)
    throw new PredictorInputError(
      `no experiment ${JSON.stringify(input.experiment)}`,
      'experiment',
    );
  const { config } = experiment;
  const nTrain = input.nTrain ?? config.nTrain;
  const nVal = input.nVal ?? config.nVal;
  const ensemble = input.ensemble ?? config.ensemble;
  const rows = await db
    .select({ hash: nngpResults.moduleHash, value: nngpResults.accuracy })
    .from(nngpResults)
    .where(
      and(
        eq(nngpResults.experimentId, id),
        eq(nngpResults.nTrain, nTrain),
        eq(nngpResults.nVal, nVal),
        eq(nngpResults.ensemble, ensemble),
        isNotNull(nngpResults.accuracy),
        scope.within(nngpResults.moduleHash),
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
    kind: 'nngp',
    values: toMap(rows),
    cost: nngpCost(costConfig),
    trainingRuns: null,
    repeat: null,
    costConfig,
    notes,
  };
}
