import { matrixFromText } from '@nngp-nas/compute/nasbench';
import { groundTruthOf } from '@nngp-nas/compute/predictors';
import { parseExperimentId } from '../architectures/filter.ts';
import type { ArchitectureResolvers } from '../generated/resolvers-types.ts';
import { whenReady } from '../loaders/cached-loader.ts';
import { sizeClusterKey } from '../loaders/size-clusters.ts';
import { searchSpaceName } from './search-space.ts';

/**
 * An architecture row; its related rows come through the request's loaders (batched). Training
 * means and proxy scores come straight from the cache when warm: plain values, no promise per
 * field.
 */
export const Architecture: ArchitectureResolvers = {
  space: (row) => searchSpaceName(row.space),

  matrix: (row) => (row.matrix === null ? null : matrixFromText(row.matrix)),

  sizeCluster: (row, _, { loaders }) =>
    row.sizeCluster === null
      ? null
      : loaders.sizeClusters.load(sizeClusterKey(row.space, row.sizeCluster)),

  // The space's ground truth: NAS-Bench-101's 108-epoch mean, MNAS' imported reward.
  groundTruth: (row, _, { loaders }) =>
    row.space === 'mnas'
      ? loaders.mnasMeasurements.load(row.hash).then((m) => m?.reward ?? null)
      : whenReady(loaders.trainingMeans.get(row.hash), groundTruthOf),

  mnas: (row, _, { loaders }) =>
    row.space === 'mnas' ? loaders.mnasMeasurements.load(row.hash) : null,

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
