import { matrixFromText } from '@nngp-nas/compute/nasbench';
import { GROUND_TRUTH_EPOCHS, parseExperimentId } from '../architectures/filter.ts';
import type { ArchitectureResolvers } from '../generated/resolvers-types.ts';
import { trainingMeans } from '../training-means.ts';

/** An architecture row; its related rows come through the request's loaders (batched). */
export const Architecture: ArchitectureResolvers = {
  matrix: (row) => matrixFromText(row.matrix),

  sizeCluster: (row, _, { loaders }) =>
    row.sizeCluster === null ? null : loaders.sizeClusters.load(row.sizeCluster),

  async groundTruth(row, _, { loaders }) {
    const runs = await loaders.training.load(row.hash);
    return (
      trainingMeans(runs).find((m) => m.epochs === GROUND_TRUTH_EPOCHS)?.validationAccuracy ?? null
    );
  },

  async training(row, { epochs }, { loaders }) {
    const runs = await loaders.training.load(row.hash);
    return epochs == null ? runs : runs.filter((r) => r.epochs === epochs);
  },

  trainingMeans: async (row, _, { loaders }) =>
    trainingMeans(await loaders.training.load(row.hash)),

  async nngp(row, { experiment }, { loaders }) {
    const results = await loaders.nngpResults.load(row.hash);
    if (experiment == null) return results;
    const id = parseExperimentId(experiment, 'experiment');
    return results.filter((r) => r.experimentId === id);
  },

  proxies: (row, _, { loaders }) => loaders.proxies.load(row.hash),
};
