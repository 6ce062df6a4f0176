import { architectures, type Db } from '@nngp-nas/db';
import { and, eq } from 'drizzle-orm';
import type { ArchitectureFilter } from '../generated/resolvers-types.ts';
import { architectureCondition } from './filter.ts';

/**
 * Most parts a filter is split into: each is a branch the database plans on every page, so a
 * filter wider than this is read whole (the dashboard's filters need a handful).
 */
export const MAX_HASH_ORDERED_PARTS = 32;

/**
 * The filter as disjoint conditions whose union it is, one per (size cluster, residual count)
 * it allows, when it names its clusters and bounds its residual count on both sides (as the
 * dashboard's does) in at most {@link MAX_HASH_ORDERED_PARTS} such pairs; undefined otherwise.
 * Each part pins both leading columns of the (size_cluster, residual_connections, hash) index,
 * so the index yields its rows in hash order and a page needs only its first rows of each part,
 * merged: for cluster 1 and 1–2 residual connections over the full space, about 100 index
 * entries read instead of all 6,507 that match, then sorted.
 *
 * @example hashOrderedParts(db, { sizeClusters: [1], residualConnections: { min: 1, max: 2 } })?.length // 2
 */
export function hashOrderedParts(
  db: Db,
  filter: ArchitectureFilter | null | undefined,
): ReturnType<typeof architectureCondition>[] | undefined {
  const clusters = filter?.sizeClusters;
  const min = filter?.residualConnections?.min;
  const max = filter?.residualConnections?.max;
  if (filter == null || clusters == null || min == null || max == null) return undefined;
  const distinct = [...new Set(clusters)];
  const counts = max - min + 1;
  if (distinct.length === 0 || counts < 1 || distinct.length * counts > MAX_HASH_ORDERED_PARTS) {
    return undefined;
  }
  const parts = [];
  for (const cluster of distinct) {
    // The rest of the filter as it is; the residual count as an equality, which the planner
    // (unlike `>= r and <= r`) reads as pinning the index column, so the hashes come in order.
    const rest = architectureCondition(db, {
      ...filter,
      sizeClusters: [cluster],
      residualConnections: null,
    });
    for (let residual = min; residual <= max; residual++) {
      parts.push(and(rest, eq(architectures.residualConnections, residual)));
    }
  }
  return parts;
}
