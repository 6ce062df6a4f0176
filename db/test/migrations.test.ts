import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.ts';
import { MIGRATIONS_FOLDER } from '../src/migrate.ts';
import { spawnHolder } from './support/holder.ts';
import { scratchPerTest } from './support/scratch.ts';
import { isRunning, readServerJson } from './support/server-state.ts';

const quiet = () => {};
const { tempDataDir, keepHolders } = scratchPerTest();

const journal = JSON.parse(
  readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };
const committed = journal.entries.length;

async function appliedMigrations(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ count: string }>(
    'select count(*) from drizzle.__drizzle_migrations',
  );
  return Number(result.rows[0]?.count);
}

describe('migrations', { timeout: 90_000 }, () => {
  it('are idempotent: opening again applies nothing twice', async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ dataDir, log: quiet });
    const second = await openDatabase({ dataDir, log: quiet });
    expect(await appliedMigrations(second.pool)).toBe(committed);
    await first.close();
    await second.close();
    const third = await openDatabase({ dataDir, log: quiet });
    expect(await appliedMigrations(third.pool)).toBe(committed);
    await third.close();
  });

  it('concurrent openers of a fresh data directory all succeed on one server', async () => {
    const dataDir = tempDataDir();
    // Two processes and this one race to create the cluster, start the server and migrate.
    const racers = [spawnHolder(dataDir), spawnHolder(dataDir)];
    keepHolders(...racers);
    const [here, ...opened] = await Promise.all([
      openDatabase({ dataDir, log: quiet }),
      ...racers.map((racer) => racer.next('open')),
    ]);
    if (!here) throw new Error('unreachable');
    const port = Number(new URL(here.url).port);
    expect(opened.map((message) => message.port)).toEqual([port, port]);
    expect(await appliedMigrations(here.pool)).toBe(committed);

    for (const racer of racers) racer.send('close');
    await Promise.all(racers.map((racer) => racer.exited));
    const pid = readServerJson(dataDir)?.pid ?? 0;
    expect(isRunning(pid)).toBe(true);
    await here.close();
    expect(isRunning(pid)).toBe(false);
  });

  it('concurrent migrations of one fresh database do not fail (advisory lock)', async () => {
    const dataDir = tempDataDir();
    const host = await openDatabase({ dataDir, migrate: false, log: quiet });
    await host.pool.query('create database scratch');
    const url = host.url.replace(/\/nngp$/, '/scratch');
    const openers = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url, log: quiet })),
    );
    const first = openers[0];
    if (!first) throw new Error('unreachable');
    expect(await appliedMigrations(first.pool)).toBe(committed);
    await Promise.all(openers.map((database) => database.close()));
    await host.close();
  });
});
