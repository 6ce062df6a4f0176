import type { Queryable } from '@nngp-nas/db';

/** Tables the importers fill in bulk; a fixed list, so table names never come from input. */
export type BulkTable = 'architectures' | 'training_records' | 'proxy_scores';

/**
 * Refreshes the planner's statistics after a bulk load. Autovacuum may be off or late (it is on
 * the CI server), and without fresh statistics Postgres plans the API's joins over an import as
 * if the table were empty: seconds instead of milliseconds.
 *
 * @example await analyzeTables(database.pool, ['training_records']);
 */
export async function analyzeTables(pool: Queryable, tables: readonly BulkTable[]): Promise<void> {
  for (const table of tables) await pool.query(`ANALYZE ${table}`);
}

/**
 * VACUUM (ANALYZE) of a table just written in bulk, outside any transaction: fresh statistics as
 * above, and a visibility map that lets the API's filtered listing use index-only scans (without
 * it, every page reads its rows from the heap: about 15 ms of database CPU instead of 0.2 ms).
 *
 * @example await vacuumTable(database.pool, 'architectures');
 */
export async function vacuumTable(pool: Queryable, table: BulkTable): Promise<void> {
  await pool.query(`VACUUM (ANALYZE) ${table}`);
}
