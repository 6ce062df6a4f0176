import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { SEARCH_SPACES } from './architectures.ts';

/** The default (gap-based) model-size clusters of each space, recomputed when its architectures change. */
export const sizeClusters = pgTable(
  'size_clusters',
  {
    space: text('space', { enum: SEARCH_SPACES }).notNull().default('nasbench101'),
    id: smallint('id').notNull(),
    label: text('label').notNull(),
    minParameters: bigint('min_parameters', { mode: 'number' }).notNull(),
    maxParameters: bigint('max_parameters', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.space, t.id] }),
    check('size_clusters_space_check', sql`${t.space} IN ('nasbench101', 'mnas')`),
  ],
);

export type SizeClusterRow = typeof sizeClusters.$inferSelect;
