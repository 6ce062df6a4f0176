import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { MigrationError } from './errors.ts';

/** The committed migrations, found from this file so the caller's cwd does not matter. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every process. ('nngp' in ASCII.)
const MIGRATION_LOCK_KEY = 0x6e6e6770;

/**
 * Applies the committed migrations that the database lacks. Holds a session advisory lock
 * meanwhile: two processes migrating the same database at once would otherwise race on
 * drizzle's bookkeeping table and on the DDL itself.
 *
 * @example
 * await runMigrations(pool);
 */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    // Do not hand a connection in an unknown state (lock held, transaction open) back to the pool.
    broken = error instanceof Error ? error : new Error(String(error));
    throw new MigrationError(
      `applying the migrations in ${MIGRATIONS_FOLDER} failed: ${describe(broken)}`,
      { cause: error },
    );
  } finally {
    client.release(broken);
  }
}

/** The server's own words (drizzle's wrapper repeats the whole migration's SQL), plus a hint. */
function describe(error: Error): string {
  let root: unknown = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  const message = root instanceof Error ? root.message : String(root);
  const code = (root as { code?: unknown }).code;
  // 42P07 duplicate_table, 42710 duplicate_object.
  const hint =
    code === '42P07' || code === '42710'
      ? ' (the database already has what this migration creates: was a committed migration' +
        ' regenerated after it had been applied? drizzle tells migrations apart by timestamp)'
      : '';
  return `${message}${hint}`;
}
