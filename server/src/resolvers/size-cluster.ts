import { architectures } from '@nngp-nas/db';
import { and, eq, gte, lte } from 'drizzle-orm';
import { listArchitectures } from '../architectures/list.ts';
import type { SizeClusterResolvers } from '../generated/resolvers-types.ts';

/** A size cluster, default or cut at explicit boundaries; its architectures by parameter range. */
export const SizeCluster: SizeClusterResolvers = {
  // JSON has no Infinity: the open top of explicit boundaries is null.
  maxParameters: (cluster) =>
    Number.isFinite(cluster.maxParameters) ? cluster.maxParameters : null,
  architectures: (cluster, args, { db }) =>
    listArchitectures(db, {
      ...args,
      space: cluster.space,
      where: and(
        eq(architectures.space, cluster.space),
        gte(architectures.trainableParameters, cluster.minParameters),
        Number.isFinite(cluster.maxParameters)
          ? lte(architectures.trainableParameters, cluster.maxParameters)
          : undefined,
      ),
    }),
};
