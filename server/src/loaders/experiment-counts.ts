import { type Db, nngpResults } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { count, countDistinct, inArray } from 'drizzle-orm';

/** Stored results of one experiment. */
export interface ExperimentCounts {
  results: number;
  architectures: number;
}

/**
 * Result and architecture counts per experiment id, one grouped query for every experiment listed.
 *
 * @example (await createExperimentCountsLoader(db).load(1)).architectures
 */
export function createExperimentCountsLoader(db: Db): DataLoader<number, ExperimentCounts> {
  return new DataLoader(async (ids) => {
    const rows = await db
      .select({
        id: nngpResults.experimentId,
        results: count(),
        architectures: countDistinct(nngpResults.moduleHash),
      })
      .from(nngpResults)
      .where(inArray(nngpResults.experimentId, [...ids]))
      .groupBy(nngpResults.experimentId);
    const byId = new Map(rows.map((r) => [r.id, r] as const));
    return ids.map((id) => byId.get(id) ?? { results: 0, architectures: 0 });
  });
}
