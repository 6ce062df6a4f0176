import { architectures, nngpExperiments } from '@nngp-nas/db';
import { desc, eq } from 'drizzle-orm';
import { architectureCondition, parseExperimentId } from '../architectures/filter.ts';
import { listArchitectures } from '../architectures/list.ts';
import { notFound } from '../errors.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { predictorMetrics } from '../metrics/evaluate.ts';
import { sizeClustersFor } from '../size-clusters.ts';

/** Root fields: listings and lookups by key. */
export const Query: QueryResolvers = {
  architectures: (_, args, { db }) =>
    listArchitectures(db, { ...args, where: architectureCondition(db, args.filter) }),

  async architecture(_, { hash }, { db }) {
    const [row] = await db.select().from(architectures).where(eq(architectures.hash, hash));
    if (row === undefined) throw notFound('architecture', hash);
    return row;
  },

  sizeClusters: (_, { boundaries }, { db }) => sizeClustersFor(db, boundaries),

  experiments: (_, __, { db }) =>
    db
      .select()
      .from(nngpExperiments)
      .orderBy(desc(nngpExperiments.createdAt), desc(nngpExperiments.id)),

  async experiment(_, { id }, { loaders }) {
    const row = await loaders.experiments.load(parseExperimentId(id, 'id'));
    if (row === null) throw notFound('experiment', id);
    return row;
  },

  metrics: (_, args, { db }) => predictorMetrics(db, args),
};
