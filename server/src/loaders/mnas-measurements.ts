import { type Db, type MnasMeasurementRow, mnasMeasurements } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { oneByKey } from './group-by-key.ts';

/**
 * Imported MNAS measurements by network hash (null where none), one query per batch.
 *
 * @example await createMnasMeasurementLoader(db).load(hash)
 */
export function createMnasMeasurementLoader(db: Db): DataLoader<string, MnasMeasurementRow | null> {
  return new DataLoader(async (hashes) => {
    const rows = await db
      .select()
      .from(mnasMeasurements)
      .where(inArray(mnasMeasurements.moduleHash, [...hashes]));
    return oneByKey(hashes, rows, (row) => row.moduleHash);
  });
}
