import { type Db, nngpExperiments, nngpResults, proxyScores } from '@nngp-nas/db';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { TRAINING_BUDGETS } from './constants.ts';
import type { PredictorSpec } from './predictor-spec.ts';
import type { TrainingRepeat } from './repeat.ts';

/**
 * Every predictor the database holds, as specs: shortened training at each budget (of
 * `repeat`), model size, every imported proxy (by name) and every stored NNGP configuration of
 * every experiment.
 *
 * @example (await storedPredictorSpecs(db, 0)).map((s) => s.kind) // ['TRAINING', …, 'PROXY']
 */
export async function storedPredictorSpecs(
  db: Db,
  repeat: TrainingRepeat,
): Promise<PredictorSpec[]> {
  const [proxies, configs] = await Promise.all([
    db
      .selectDistinct({ proxy: proxyScores.proxy })
      .from(proxyScores)
      .where(isNotNull(proxyScores.value))
      .orderBy(asc(proxyScores.proxy)),
    db
      .selectDistinct({
        experiment: nngpResults.experimentId,
        name: nngpExperiments.name,
        nTrain: nngpResults.nTrain,
        nVal: nngpResults.nVal,
        ensemble: nngpResults.ensemble,
      })
      .from(nngpResults)
      .innerJoin(nngpExperiments, eq(nngpExperiments.id, nngpResults.experimentId))
      .where(isNotNull(nngpResults.accuracy))
      .orderBy(
        asc(nngpExperiments.name),
        asc(nngpResults.nTrain),
        asc(nngpResults.nVal),
        asc(nngpResults.ensemble),
      ),
  ]);
  return [
    ...TRAINING_BUDGETS.map((epochs): PredictorSpec => ({ kind: 'TRAINING', epochs, repeat })),
    { kind: 'MODEL_SIZE' },
    ...proxies.map((p): PredictorSpec => ({ kind: 'PROXY', proxy: p.proxy })),
    ...configs.map(
      (c): PredictorSpec => ({
        kind: 'NNGP',
        experiment: String(c.experiment),
        nTrain: c.nTrain,
        nVal: c.nVal,
        ensemble: c.ensemble,
      }),
    ),
  ];
}
