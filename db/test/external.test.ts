import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { architectures, type Database, openDatabase, readEnv } from '../src/index.ts';
import { makeTempDataDir, removeTempDir } from './support/temp-dir.ts';

const quiet = () => {};

// External mode needs a server we did not start. CI provides one (NNGP_TEST_DATABASE_URL);
// elsewhere an embedded server plays that part, reached only through its URL.
let adminUrl: string;
let host: Database | undefined;
let hostDir: string | undefined;
const scratch = `nngp_external_${randomBytes(4).toString('hex')}`;
let scratchUrl: string;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const serverUrl = readEnv().NNGP_TEST_DATABASE_URL;
  if (serverUrl) {
    adminUrl = serverUrl;
  } else {
    hostDir = makeTempDataDir();
    host = await openDatabase({ dataDir: hostDir, migrate: false, log: quiet });
    adminUrl = host.url.replace(/\/nngp$/, '/postgres');
  }
  await admin(`create database ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  scratchUrl = url.toString();
}, 30_000);

afterAll(async () => {
  await admin(`drop database if exists ${scratch} with (force)`);
  await host?.close();
  if (hostDir) removeTempDir(hostDir);
}, 30_000);

describe('external mode', { timeout: 30_000 }, () => {
  it('connects to the given URL, migrates it, and leaves the server alone', async () => {
    const signalListeners = process.listenerCount('SIGINT');
    const database = await openDatabase({ url: scratchUrl, log: quiet });
    expect(database.mode).toBe('external');
    expect(database.url).toBe(scratchUrl);
    // No lifecycle to manage, so no signal handling either.
    expect(process.listenerCount('SIGINT')).toBe(signalListeners);

    const tables = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.rows.map((row) => row.table_name)).toContain('architectures');
    expect(await database.db.select().from(architectures)).toEqual([]);
    await database.close();

    // The server is still there: reopening (migrations already applied) works.
    const again = await openDatabase({ url: scratchUrl, log: quiet });
    expect((await again.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await again.close();
  });

  it('takes DATABASE_URL from the environment when no option is given', async () => {
    vi.stubEnv('DATABASE_URL', scratchUrl);
    try {
      const database = await openDatabase({ log: quiet });
      expect(database.mode).toBe('external');
      expect(database.url).toBe(scratchUrl);
      await database.close();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
