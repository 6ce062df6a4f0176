import { experimentsOfSpace, searchSpaceOf } from '@nngp-nas/compute/predictors';
import { architectures, nngpExperiments } from '@nngp-nas/db';
import { desc, eq } from 'drizzle-orm';
import { architectureCondition, parseExperimentId } from '../architectures/filter.ts';
import { checkModuleHash } from '../architectures/hash.ts';
import { hashOrderedParts } from '../architectures/hash-ordered-parts.ts';
import { listArchitectures } from '../architectures/list.ts';
import { cachedAnalysis } from '../cache/analysis-cache.ts';
import { notFound } from '../errors.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { fig7Result } from '../paper-figures/fig7.ts';
import { hybridResult } from '../paper-figures/hybrid.ts';
import { modelSizeCorrelations } from '../paper-figures/model-size-correlation.ts';
import { parameterHistogram } from '../paper-figures/parameter-histogram.ts';
import { residualBiasRows } from '../paper-figures/residual-bias.ts';
import { scatterPoints } from '../paper-figures/scatter.ts';
import { reductionRows } from '../paper-figures/search-space-reduction.ts';
import { predictorList } from '../predictor-metrics/available.ts';
import { predictorMetrics } from '../predictor-metrics/evaluate.ts';
import { sizeClustersFor } from '../size-clusters.ts';

/** Root fields: listings and lookups by key. */
export const Query: QueryResolvers = {
  architectures: (_, args, { db, loaders }) =>
    listArchitectures(db, {
      ...args,
      where: architectureCondition(db, args.filter),
      space: searchSpaceOf(args.filter),
      parts: hashOrderedParts(db, args.filter),
      dataVersion: loaders.dataVersion,
    }),

  async architecture(_, { hash }, { db }) {
    // A malformed hash is the client's mistake (BAD_USER_INPUT); a well-formed one not stored
    // is NOT_FOUND.
    checkModuleHash(hash, 'hash');
    const [row] = await db.select().from(architectures).where(eq(architectures.hash, hash));
    if (row === undefined) throw notFound('architecture', hash);
    return row;
  },

  sizeClusters: (_, { boundaries, space }, { db }) =>
    sizeClustersFor(db, boundaries, searchSpaceOf({ space })),

  // Awaited here: a Drizzle query is a thenable that runs again each time it is awaited.
  experiments: async (_, { space }, { db }) =>
    await db
      .select()
      .from(nngpExperiments)
      .where(space == null ? undefined : experimentsOfSpace(searchSpaceOf({ space })))
      .orderBy(desc(nngpExperiments.createdAt), desc(nngpExperiments.id)),

  fig7: (_, args, { db }) => cachedAnalysis(db, 'fig7', args, () => fig7Result(db, args)),

  async experiment(_, { id }, { loaders }) {
    const row = await loaders.experiments.load(parseExperimentId(id, 'id'));
    if (row === null) throw notFound('experiment', id);
    return row;
  },

  // Analyses: cached per database until its data changes (cache/analysis-cache.ts).
  predictors: (_, args, { db }) =>
    cachedAnalysis(db, 'predictors', args, () => predictorList(db, args)),
  metrics: (_, args, { db }) =>
    cachedAnalysis(db, 'metrics', args, () => predictorMetrics(db, args)),
  searchSpaceReduction: (_, args, { db }) =>
    cachedAnalysis(db, 'searchSpaceReduction', args, () => reductionRows(db, args)),
  hybrid: (_, args, { db }) => cachedAnalysis(db, 'hybrid', args, () => hybridResult(db, args)),
  residualBias: (_, args, { db }) =>
    cachedAnalysis(db, 'residualBias', args, () => residualBiasRows(db, args)),
  modelSizeCorrelation: (_, args, { db }) =>
    cachedAnalysis(db, 'modelSizeCorrelation', args, () => modelSizeCorrelations(db, args)),
  scatter: (_, args, { db }) => cachedAnalysis(db, 'scatter', args, () => scatterPoints(db, args)),
  parameterHistogram: (_, args, { db }) =>
    cachedAnalysis(db, 'parameterHistogram', args, () => parameterHistogram(db, args)),
};
