import { doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { architectures } from './architectures.ts';

/**
 * Externally measured results of an MNAS network (`nngp mnas import`): its 5-epoch validation
 * accuracy, latency and, where it was trained in full, final accuracy; and the reward computed at
 * import (compute/mnas' mnasReward) with the target latency and exponent it was imported with.
 */
export const mnasMeasurements = pgTable('mnas_measurements', {
  moduleHash: text('module_hash')
    .primaryKey()
    .references(() => architectures.hash),
  accuracy5Epoch: doublePrecision('accuracy_5epoch').notNull(),
  latencyMs: doublePrecision('latency_ms').notNull(),
  finalAccuracy: doublePrecision('final_accuracy'),
  reward: doublePrecision('reward').notNull(),
  targetLatencyMs: doublePrecision('target_latency_ms').notNull(),
  latencyExponent: doublePrecision('latency_exponent').notNull(),
  /** The file it was imported from. */
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export type MnasMeasurementRow = typeof mnasMeasurements.$inferSelect;
