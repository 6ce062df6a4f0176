import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase, type Database } from './database.ts';
import { embeddedUrl } from './embedded/credentials.ts';
import { acquireEmbeddedServer } from './embedded/lease.ts';
import { readEnv } from './env.ts';

/** A scratch database for one test file; close() drops it. */
export type TestDatabase = Database & { name: string };

/**
 * One embedded cluster for all test runs of this OS user: test files in parallel workers
 * share its server through the usual lifecycle, and the cluster itself persists, so only
 * the first run ever pays for initdb.
 */
const TEST_DATA_DIR = path.join(os.tmpdir(), `nngp-test-embedded-${process.getuid?.() ?? 'user'}`);

/**
 * A fresh, migrated, empty database. On the server of NNGP_TEST_DATABASE_URL when set,
 * otherwise on an embedded server in a temporary data directory shared by the test run.
 *
 * @example
 * let database: TestDatabase;
 * beforeAll(async () => { database = await createTestDatabase(); });
 * afterAll(() => database.close());
 */
export async function createTestDatabase(
  options: { log?: (line: string) => void } = {},
): Promise<TestDatabase> {
  const log = options.log ?? (() => {});
  const name = `nngp_test_${randomBytes(6).toString('hex')}`;
  const serverUrl = readEnv().NNGP_TEST_DATABASE_URL;
  if (serverUrl !== undefined) {
    await createScratchDatabase(serverUrl, name);
    const database = await connectDatabase({
      url: withDatabase(serverUrl, name),
      mode: 'external',
      migrate: true,
      log,
      release: () => dropScratchDatabase(serverUrl, name),
    });
    return { ...database, name };
  }

  const lease = await acquireEmbeddedServer(TEST_DATA_DIR, log);
  const adminUrl = embeddedUrl(lease.port, 'postgres');
  try {
    await createScratchDatabase(adminUrl, name);
  } catch (error) {
    await lease.release();
    throw error;
  }
  const database = await connectDatabase({
    url: embeddedUrl(lease.port, name),
    mode: 'embedded',
    migrate: true,
    log,
    release: async () => {
      try {
        await dropScratchDatabase(adminUrl, name);
      } finally {
        await lease.release();
      }
    },
  });
  return { ...database, name };
}

async function createScratchDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)}`),
  );
}

async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  // FORCE: a test that leaked a connection must not leave its database behind.
  await withClient(adminUrl, (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  );
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// The embedded server's account and binaries, for tests that run a cluster of their own
// (test/jobs/support/stoppable-postgres.ts: a server a test may stop and start).
export { serverAccount } from './embedded/server-account.ts';
export { serverBinaries } from './embedded/staged-binaries.ts';
