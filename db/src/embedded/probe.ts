import pg from 'pg';
import { EMBEDDED_HOST, EMBEDDED_PASSWORD, EMBEDDED_USER } from './credentials.ts';

/**
 * Runs `work` on a short-lived connection to one database of an embedded server.
 *
 * @example
 * await withEmbeddedClient(54012, 'postgres', (client) => client.query('select 1'));
 */
export async function withEmbeddedClient<T>(
  port: number,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    host: EMBEDDED_HOST,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database,
    connectionTimeoutMillis: 3000,
  });
  // A server going away mid-call surfaces as a rejected query; without a listener the same
  // event would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether an embedded server answers on `port`, retrying for up to `waitMs` (a server that
 * is still starting or recovering refuses connections for a moment).
 *
 * @example
 * if (await serverAnswers(54012, 3000)) connectTo(54012);
 */
export async function serverAnswers(port: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await withEmbeddedClient(port, 'postgres', (client) => client.query('select 1'));
      return true;
    } catch {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Creates a database on an embedded server unless it exists.
 *
 * @example
 * await ensureEmbeddedDatabase(54012, 'nngp');
 */
export async function ensureEmbeddedDatabase(port: number, name: string): Promise<void> {
  await withEmbeddedClient(port, 'postgres', async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
}
