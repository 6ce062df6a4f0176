import { type Db, type ProxyScoreRow, proxyScores } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { groupByKey } from './group-by-key.ts';

/**
 * Zero-cost proxy scores by module hash, one query per batch.
 *
 * @example await createProxyLoader(db).load(hash) // [{ proxy: 'zen', value: 93.1, ... }]
 */
export function createProxyLoader(db: Db): DataLoader<string, ProxyScoreRow[]> {
  return new DataLoader(async (hashes) => {
    const rows = await db
      .select()
      .from(proxyScores)
      .where(inArray(proxyScores.moduleHash, [...hashes]))
      .orderBy(asc(proxyScores.proxy));
    return groupByKey(hashes, rows, (row) => row.moduleHash);
  });
}
