import { type Db, type SearchSpace, type SizeClusterRow, sizeClusters } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import { oneByKey } from './group-by-key.ts';

/**
 * Default size clusters by space and id (an architecture row carries both), one query per batch.
 *
 * @example await createSizeClusterLoader(db).load(sizeClusterKey(row.space, row.sizeCluster))
 */
export function createSizeClusterLoader(db: Db): DataLoader<string, SizeClusterRow | null> {
  return new DataLoader(async (keys) => {
    const pairs = keys.map((key) => key.split(':') as [SearchSpace, string]);
    const rows = await db
      .select()
      .from(sizeClusters)
      .where(
        and(
          inArray(sizeClusters.space, [...new Set(pairs.map(([space]) => space))]),
          inArray(sizeClusters.id, [...new Set(pairs.map(([, id]) => Number(id)))]),
        ),
      );
    return oneByKey(keys, rows, (row) => sizeClusterKey(row.space, row.id));
  });
}

/** The loader's key of a cluster. */
export function sizeClusterKey(space: SearchSpace, id: number): string {
  return `${space}:${id}`;
}
