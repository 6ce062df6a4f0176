import { type Db, type SizeClusterRow, sizeClusters } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { oneByKey } from './group-by-key.ts';

/**
 * Default size clusters by id (an architecture row carries its cluster id), one query per batch.
 *
 * @example await createSizeClusterLoader(db).load(row.sizeCluster)
 */
export function createSizeClusterLoader(db: Db): DataLoader<number, SizeClusterRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await db
      .select()
      .from(sizeClusters)
      .where(inArray(sizeClusters.id, [...ids]));
    return oneByKey(ids, rows, (row) => row.id);
  });
}
