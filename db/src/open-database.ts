import { connectDatabase, type Database } from './database.ts';
import { EMBEDDED_DATABASE, embeddedUrl } from './embedded/credentials.ts';
import { acquireEmbeddedServer } from './embedded/lease.ts';
import { readEnv } from './env.ts';

/** Options of openDatabase; each one beats the environment variable it stands for. */
export interface OpenDatabaseOptions {
  /** Connect to this server (external mode). Default: DATABASE_URL, unless dataDir is given. */
  url?: string;
  /** Data directory of the embedded server. Default: NNGP_DATA_DIR (`.data`). */
  dataDir?: string;
  /** Apply the committed migrations first. Default: true. */
  migrate?: boolean;
  /** Where to report server start/stop; default: stderr (stdout is the CLI's JSON output). */
  log?: (line: string) => void;
}

const writeToStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * Opens the project's database. With a URL (the `url` option, else DATABASE_URL) it
 * connects there; otherwise it uses the embedded PostgreSQL of the data directory, starting
 * it when no other process runs it. An explicit `dataDir` chooses embedded mode even when
 * DATABASE_URL is set. Migrations are applied unless `migrate: false`.
 *
 * @example
 * const { db, close } = await openDatabase();
 * try {
 *   const rows = await db.select().from(architectures).limit(10);
 * } finally {
 *   await close();
 * }
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const log = options.log ?? writeToStderr;
  const migrate = options.migrate ?? true;
  const url = options.url ?? (options.dataDir === undefined ? readEnv().DATABASE_URL : undefined);
  if (url !== undefined) {
    return connectDatabase({ url, mode: 'external', migrate, log, release: async () => {} });
  }

  const dataDir = options.dataDir ?? readEnv().NNGP_DATA_DIR;
  const lease = await acquireEmbeddedServer(dataDir, log);
  return connectDatabase({
    url: embeddedUrl(lease.port, EMBEDDED_DATABASE),
    mode: 'embedded',
    migrate,
    log,
    release: lease.release,
  });
}
