import { type Db, type TrainingRecordRow, trainingRecords } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { groupByKey } from './group-by-key.ts';

/**
 * Training records by module hash, one query per batch of architectures.
 *
 * @example await createTrainingLoader(db).load(hash) // every (epochs, repeat) of that module
 */
export function createTrainingLoader(db: Db): DataLoader<string, TrainingRecordRow[]> {
  return new DataLoader(async (hashes) => {
    const rows = await db
      .select()
      .from(trainingRecords)
      .where(inArray(trainingRecords.moduleHash, [...hashes]))
      .orderBy(asc(trainingRecords.epochs), asc(trainingRecords.repeat));
    return groupByKey(hashes, rows, (row) => row.moduleHash);
  });
}
