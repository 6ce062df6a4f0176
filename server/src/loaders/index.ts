import type { Database } from '@nngp-nas/db';
import { createExperimentCountsLoader } from './experiment-counts.ts';
import { createExperimentJobsLoader } from './experiment-jobs.ts';
import { createExperimentResultsLoader } from './experiment-results.ts';
import { createExperimentLoader } from './experiments.ts';
import { createMnasMeasurementLoader } from './mnas-measurements.ts';
import { createNngpResultLoader } from './nngp-results.ts';
import { createProxyLoader } from './proxies.ts';
import { RequestDataVersion } from './request-data-version.ts';
import { createSizeClusterLoader } from './size-clusters.ts';
import { createTrainingLoader } from './training.ts';
import { createTrainingMeansLoader } from './training-means.ts';

/**
 * This request's loaders: each turns the N lookups of a listing into one query; those of
 * derived facts (training means, proxy scores) also answer from caches valid at the request's
 * data version.
 */
export interface Loaders {
  /** The data version this request works at (a listing page brings it along). */
  dataVersion: RequestDataVersion;
  training: ReturnType<typeof createTrainingLoader>;
  trainingMeans: ReturnType<typeof createTrainingMeansLoader>;
  nngpResults: ReturnType<typeof createNngpResultLoader>;
  proxies: ReturnType<typeof createProxyLoader>;
  mnasMeasurements: ReturnType<typeof createMnasMeasurementLoader>;
  sizeClusters: ReturnType<typeof createSizeClusterLoader>;
  experiments: ReturnType<typeof createExperimentLoader>;
  experimentCounts: ReturnType<typeof createExperimentCountsLoader>;
  experimentResults: ReturnType<typeof createExperimentResultsLoader>;
  experimentJobs: ReturnType<typeof createExperimentJobsLoader>;
}

/**
 * Fresh loaders for one request (their own caches must not outlive it; the versioned ones
 * share per-database caches).
 *
 * @example const loaders = createLoaders(database);
 */
export function createLoaders(database: Database): Loaders {
  const { db, pool } = database;
  const dataVersion = new RequestDataVersion(db);
  const training = createTrainingLoader(pool);
  return {
    dataVersion,
    training,
    trainingMeans: createTrainingMeansLoader(db, dataVersion, training),
    nngpResults: createNngpResultLoader(db),
    proxies: createProxyLoader(db, pool, dataVersion),
    mnasMeasurements: createMnasMeasurementLoader(db),
    sizeClusters: createSizeClusterLoader(db),
    experiments: createExperimentLoader(db),
    experimentCounts: createExperimentCountsLoader(db),
    experimentResults: createExperimentResultsLoader(db),
    experimentJobs: createExperimentJobsLoader(db),
  };
}
