import type { Queryable, TrainingRecordRow } from '@nngp-nas/db';
import DataLoader from 'dataloader';
import { groupByKey } from './group-by-key.ts';
import { type KeyedStatement, rowsByKeys } from './keyed-statement.ts';

/** Every column, under the row type's property names (bigint as float8: within 2^53). */
const TRAINING_BY_HASH: KeyedStatement = {
  name: 'training_records_by_hash',
  text: `select module_hash as "moduleHash", epochs, repeat,
                halfway_train_accuracy as "halfwayTrainAccuracy",
                halfway_validation_accuracy as "halfwayValidationAccuracy",
                halfway_test_accuracy as "halfwayTestAccuracy",
                halfway_training_time as "halfwayTrainingTime",
                final_train_accuracy as "finalTrainAccuracy",
                final_validation_accuracy as "finalValidationAccuracy",
                final_test_accuracy as "finalTestAccuracy",
                final_training_time as "finalTrainingTime",
                total_time as "totalTime",
                source_import_id as "sourceImportId",
                source_offset::float8 as "sourceOffset"
           from training_records
          where module_hash = any($1::text[])
          order by epochs, repeat`,
};

/**
 * Training records by module hash, one query per batch of architectures.
 *
 * @example await createTrainingLoader(pool).load(hash) // every (epochs, repeat) of that module
 */
export function createTrainingLoader(pool: Queryable): DataLoader<string, TrainingRecordRow[]> {
  return new DataLoader(async (hashes) => {
    const rows = await rowsByKeys<TrainingRecordRow>(pool, TRAINING_BY_HASH, hashes);
    return groupByKey(hashes, rows, (row) => row.moduleHash);
  });
}
