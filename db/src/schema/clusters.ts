import { bigint, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** The default (gap-based) model-size clusters, recomputed whenever architectures change. */
export const sizeClusters = pgTable('size_clusters', {
  id: smallint('id').primaryKey(),
  label: text('label').notNull(),
  minParameters: bigint('min_parameters', { mode: 'number' }).notNull(),
  maxParameters: bigint('max_parameters', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
});

export type SizeClusterRow = typeof sizeClusters.$inferSelect;
