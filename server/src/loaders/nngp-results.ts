import { type Db, type NngpResultRow, nngpResults } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { groupByKey } from './group-by-key.ts';

/**
 * NNGP results by module hash (every experiment and configuration), one query per batch.
 *
 * @example await createNngpResultLoader(db).load(hash)
 */
export function createNngpResultLoader(db: Db): DataLoader<string, NngpResultRow[]> {
  return new DataLoader(async (hashes) => {
    const rows = await db
      .select()
      .from(nngpResults)
      .where(inArray(nngpResults.moduleHash, [...hashes]))
      .orderBy(
        asc(nngpResults.experimentId),
        asc(nngpResults.nTrain),
        asc(nngpResults.nVal),
        asc(nngpResults.ensemble),
      );
    return groupByKey(hashes, rows, (row) => row.moduleHash);
  });
}
