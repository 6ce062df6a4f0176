import type { Db } from '@nngp-nas/db';
import { createExperimentCountsLoader } from './experiment-counts.ts';
import { createExperimentJobsLoader } from './experiment-jobs.ts';
import { createExperimentResultsLoader } from './experiment-results.ts';
import { createExperimentLoader } from './experiments.ts';
import { createNngpResultLoader } from './nngp-results.ts';
import { createProxyLoader } from './proxies.ts';
import { createSizeClusterLoader } from './size-clusters.ts';
import { createTrainingLoader } from './training.ts';

/** This request's DataLoaders: each turns the N lookups of a listing into one query. */
export interface Loaders {
  training: ReturnType<typeof createTrainingLoader>;
  nngpResults: ReturnType<typeof createNngpResultLoader>;
  proxies: ReturnType<typeof createProxyLoader>;
  sizeClusters: ReturnType<typeof createSizeClusterLoader>;
  experiments: ReturnType<typeof createExperimentLoader>;
  experimentCounts: ReturnType<typeof createExperimentCountsLoader>;
  experimentResults: ReturnType<typeof createExperimentResultsLoader>;
  experimentJobs: ReturnType<typeof createExperimentJobsLoader>;
}

/**
 * Fresh loaders for one request (their caches must not outlive it).
 *
 * @example const loaders = createLoaders(database.db);
 */
export function createLoaders(db: Db): Loaders {
  return {
    training: createTrainingLoader(db),
    nngpResults: createNngpResultLoader(db),
    proxies: createProxyLoader(db),
    sizeClusters: createSizeClusterLoader(db),
    experiments: createExperimentLoader(db),
    experimentCounts: createExperimentCountsLoader(db),
    experimentResults: createExperimentResultsLoader(db),
    experimentJobs: createExperimentJobsLoader(db),
  };
}
