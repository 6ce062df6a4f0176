import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { architectures } from './architectures.ts';

/** One import run of a TFRecord file; `committedOffset` lets an interrupted import resume. */
export const recordImports = pgTable(
  'record_imports',
  {
    id: serial('id').primaryKey(),
    path: text('path').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    /**
     * `<md5 of the first MiB>:<size>` identifies the file under another path (earlier versions
     * stored only that); `:sha256:<hex>` follows, the sha256 of bytes [0, committed_offset),
     * which an import checks before it trusts the row (compute's store/file-fingerprint.ts).
     */
    fingerprint: text('fingerprint').notNull(),
    committedOffset: bigint('committed_offset', { mode: 'number' }).notNull().default(0),
    committedRecords: integer('committed_records').notNull().default(0),
    status: text('status', { enum: ['running', 'complete', 'failed'] }).notNull(),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('record_imports_fingerprint_idx').on(t.fingerprint)],
);

/**
 * One NAS-Bench-101 training run: a (module, epoch budget, repeat). Halfway values come from
 * `evaluation_data[1]`, final values from `evaluation_data[2]`.
 */
export const trainingRecords = pgTable(
  'training_records',
  {
    moduleHash: text('module_hash')
      .notNull()
      .references(() => architectures.hash),
    epochs: smallint('epochs').notNull(),
    repeat: smallint('repeat').notNull(),
    halfwayTrainAccuracy: doublePrecision('halfway_train_accuracy'),
    halfwayValidationAccuracy: doublePrecision('halfway_validation_accuracy'),
    halfwayTestAccuracy: doublePrecision('halfway_test_accuracy'),
    halfwayTrainingTime: doublePrecision('halfway_training_time'),
    finalTrainAccuracy: doublePrecision('final_train_accuracy'),
    finalValidationAccuracy: doublePrecision('final_validation_accuracy'),
    finalTestAccuracy: doublePrecision('final_test_accuracy'),
    finalTrainingTime: doublePrecision('final_training_time'),
    totalTime: doublePrecision('total_time'),
    sourceImportId: integer('source_import_id').references(() => recordImports.id),
    /** Byte offset of the record in its source file: fixes the repeat index on re-import. */
    sourceOffset: bigint('source_offset', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.moduleHash, t.epochs, t.repeat] }),
    index('training_records_epochs_idx').on(t.epochs, t.moduleHash),
    index('training_records_source_idx').on(t.sourceImportId, t.sourceOffset),
  ],
);

export type TrainingRecordRow = typeof trainingRecords.$inferSelect;
export type NewTrainingRecordRow = typeof trainingRecords.$inferInsert;
