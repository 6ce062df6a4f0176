import { matrixFromText } from '@nngp-nas/compute/nasbench';
import { groundTruthOf } from '@nngp-nas/compute/predictors';
import { parseExperimentId } from '../architectures/filter.ts';
import type { ArchitectureResolvers } from '../generated/resolvers-types.ts';
import { whenReady } from '../loaders/cached-loader.ts';

/**
 * An architecture row; its related rows come through the request's loaders (batched). Training
 * means and proxy scores come straight from the cache when warm: plain values, no promise per
 * field.
 */
export const Architecture: ArchitectureResolvers = {
  matrix: (row) => matrixFromText(row.matrix),

  sizeCluster: (row, _, { loaders }) =>
    row.sizeCluster === null ? null : loaders.sizeClusters.load(row.sizeCluster),

  groundTruth: (row, _, { loaders }) =>
    whenReady(loaders.trainingMeans.get(row.hash), groundTruthOf),

  async training(row, { epochs }, { loaders }) {
    const runs = await loaders.training.load(row.hash);
    return epochs == null ? runs : runs.filter((r) => r.epochs === epochs);
  },

  trainingMeans: (row, _, { loaders }) => loaders.trainingMeans.get(row.hash),

  async nngp(row, { experiment }, { loaders }) {
    const results = await loaders.nngpResults.load(row.hash);
    if (experiment == null) return results;
    const id = parseExperimentId(experiment, 'experiment');
    return results.filter((r) => r.experimentId === id);
  },

  proxies: (row, _, { loaders }) => loaders.proxies.get(row.hash),
};
