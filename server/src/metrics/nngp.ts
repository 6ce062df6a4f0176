import { type NngpCostConfig, nngpFlops } from '@nngp-nas/compute/metrics';
import { type Db, nngpExperiments, nngpResults } from '@nngp-nas/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { parseExperimentId } from '../architectures/filter.ts';
import { badUserInput } from '../errors.ts';
import type { PredictorInput } from '../generated/resolvers-types.ts';
import type { LoadedPredictor, PredictorScope, PredictorSite } from './types.ts';
import { toMap } from './values.ts';

/** An NNGP predictor with the configuration its cost model reads. */
export interface LoadedNngp extends LoadedPredictor {
  costConfig: NngpCostConfig;
}

/**
 * An NNGP predictor: accuracy of one configuration of an experiment (each of nTrain / nVal /
 * ensemble defaults to the experiment's own). A missing or unknown experiment is a
 * BAD_USER_INPUT on `site.argument`, field `experiment`.
 *
 * @example await loadNngp(db, { experiment: '1' }, { argument: 'nngp', label: 'nngp' }, scope)
 */
export async function loadNngp(
  db: Db,
  input: Pick<PredictorInput, 'experiment' | 'nTrain' | 'nVal' | 'ensemble' | 'name'>,
  site: PredictorSite,
  scope: Pick<PredictorScope, 'within'>,
): Promise<LoadedNngp> {
  if (input.experiment == null)
    throw badUserInput(`${site.label}: experiment is required`, site.argument, 'experiment');
  const id = parseExperimentId(input.experiment, site.argument, 'experiment');
  const [experiment] = await db.select().from(nngpExperiments).where(eq(nngpExperiments.id, id));
  if (experiment === undefined)
    throw badUserInput(
      `${site.label}: no experiment ${JSON.stringify(input.experiment)}`,
      site.argument,
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
    values: toMap(rows),
    cost: (flops) => nngpFlops(costConfig, flops),
    costConfig,
    notes,
  };
}
