import { type TrainingMeanModel, trainingMeans } from '@nngp-nas/compute/predictors';
import type { Db, TrainingRecordRow } from '@nngp-nas/db';
import type DataLoader from 'dataloader';
import { CachedLoader } from './cached-loader.ts';
import type { RequestDataVersion } from './request-data-version.ts';
import { versionCachePerDatabase } from './version-cache.ts';

/**
 * Architectures whose means are kept per database: forty 500-row pages, a few MB (an
 * architecture without training records costs an empty list).
 */
export const TRAINING_MEANS_CACHE_ENTRIES = 20_000;

const meansCache = versionCachePerDatabase<TrainingMeanModel[]>(TRAINING_MEANS_CACHE_ENTRIES);

/**
 * Per-budget training means by module hash (the ground truth among them), kept across requests
 * while the data version holds. Missing ones are computed from `training`'s rows, so a request
 * that also lists the runs themselves sends one training query for both.
 *
 * @example await createTrainingMeansLoader(db, version, loaders.training).get(hash)
 */
export function createTrainingMeansLoader(
  db: Db,
  version: RequestDataVersion,
  training: DataLoader<string, TrainingRecordRow[]>,
): CachedLoader<TrainingMeanModel[]> {
  return new CachedLoader(meansCache(db), version, async (hashes) =>
    (await training.loadMany(hashes)).map((runs) => {
      if (runs instanceof Error) throw runs;
      return trainingMeans(runs);
    }),
  );
}
