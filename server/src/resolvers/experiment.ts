import type { ApiContext } from '../context.ts';
import { experimentProgress, experimentStatus } from '../experiments/progress.ts';
import type { ExperimentProgress, ExperimentResolvers } from '../generated/resolvers-types.ts';

const FLOPS_PER_PFLOP = 1e15;

/** An experiment row with its counts, progress and cost (each batched over every experiment listed). */
export const Experiment: ExperimentResolvers = {
  id: (row) => String(row.id),
  createdAt: (row) => row.createdAt.toISOString(),
  resultCount: async (row, _, { loaders }) => (await loaders.experimentCounts.load(row.id)).results,
  architectureCount: async (row, _, { loaders }) =>
    (await loaders.experimentCounts.load(row.id)).architectures,
  cancelledAt: (row) => row.cancelledAt?.toISOString() ?? null,
  progress: (row, _, context) => progressOf(row.id, context),
  status: async (row, _, context) =>
    experimentStatus(row.cancelledAt, await progressOf(row.id, context)),
  engine: async (row, _, { loaders }) => (await loaders.experimentResults.load(row.id)).engine,
  backend: async (row, _, { loaders }) => (await loaders.experimentResults.load(row.id)).backend,
  costPflops: async (row, _, { loaders }) =>
    (await loaders.experimentResults.load(row.id)).flops / FLOPS_PER_PFLOP,
  lastError: (row) => row.lastError,
  lastErrorAt: (row) => row.lastErrorAt?.toISOString() ?? null,
};

async function progressOf(id: number, { loaders }: ApiContext): Promise<ExperimentProgress> {
  const [results, jobs] = await Promise.all([
    loaders.experimentResults.load(id),
    loaders.experimentJobs.load(id),
  ]);
  return experimentProgress(results, jobs);
}
