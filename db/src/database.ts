import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { runMigrations } from './migrate.ts';
import { redactUrl } from './redact-url.ts';
import * as schema from './schema/index.ts';
import { closeOnSignal } from './shutdown.ts';

/** Drizzle over node-postgres, typed with the whole schema (so `db.query.*` works). */
export type Db = NodePgDatabase<typeof schema>;

/** An open database: drizzle, the pool under it, and how to let go of both. */
export interface Database {
  db: Db;
  pool: pg.Pool;
  /** The connection URL actually used. */
  url: string;
  mode: 'embedded' | 'external';
  /**
   * Ends the pool; in embedded mode also releases this process's use of the server (the
   * last user stops it). Idempotent.
   */
  close(): Promise<void>;
}

/** How to build a Database; `release` runs after the pool has ended. */
export interface ConnectOptions {
  url: string;
  mode: Database['mode'];
  migrate: boolean;
  log: (line: string) => void;
  release: () => Promise<void>;
}

/**
 * Opens a pool on `url`, wraps it in drizzle and applies migrations. On failure everything
 * acquired so far (pool, `release`) is given back before the error propagates.
 *
 * @example
 * const database = await connectDatabase({ url, mode: 'external', migrate: true, log, release: async () => {} });
 */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  const { url, mode, log, release } = options;
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection that breaks (server restarted, network) is replaced on next use;
  // unhandled, the same event would crash the process.
  pool.on('error', (error) =>
    log(`database ${redactUrl(url)}: idle connection lost: ${error.message}`),
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await pool.end().finally(release);
      } finally {
        // Only now: a second Ctrl-C while closing must still reach our handler (which exits
        // through the 'exit' hook that releases the server), not Node's default kill.
        untrack();
      }
    })();
    return closing;
  };
  // Tracked before migrating, so a Ctrl-C during migrations also releases the server.
  const untrack = mode === 'embedded' ? closeOnSignal(close) : () => {};

  try {
    if (options.migrate) await runMigrations(pool);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: drizzle({ client: pool, schema }), pool, url, mode, close };
}
