import { type Db, type NngpExperimentRow, nngpExperiments } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { oneByKey } from './group-by-key.ts';

/**
 * NNGP experiments by id: every NNGP result names its experiment, so a listing asks for few ids
 * many times.
 *
 * @example await createExperimentLoader(db).load(result.experimentId)
 */
export function createExperimentLoader(db: Db): DataLoader<number, NngpExperimentRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await db
      .select()
      .from(nngpExperiments)
      .where(inArray(nngpExperiments.id, [...ids]));
    return oneByKey(ids, rows, (row) => row.id);
  });
}
