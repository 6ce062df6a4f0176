import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row counting changes to the data the analyses read (architectures, clusters, training
 * records, proxy scores, experiments, NNGP results). Statement-level triggers (migration 0001)
 * bump it, so a cache of derived results (the API's metrics) is valid while the version holds.
 */
export const dataVersion = pgTable(
  'data_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('data_version_single_row', sql`${t.id} = 1`)],
);
