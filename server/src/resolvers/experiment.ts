import type { ExperimentResolvers } from '../generated/resolvers-types.ts';

/** An experiment row with its result counts (batched over every experiment listed). */
export const Experiment: ExperimentResolvers = {
  id: (row) => String(row.id),
  createdAt: (row) => row.createdAt.toISOString(),
  resultCount: async (row, _, { loaders }) => (await loaders.experimentCounts.load(row.id)).results,
  architectureCount: async (row, _, { loaders }) =>
    (await loaders.experimentCounts.load(row.id)).architectures,
};
