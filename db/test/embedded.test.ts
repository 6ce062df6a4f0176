import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { architectures, openDatabase } from '../src/index.ts';
import { SAMPLE_ARCHITECTURE as cell, scratchPerTest } from './support/scratch.ts';
import { deadPid, isRunning, readServerJson, registeredUsers } from './support/server-state.ts';

const quiet = () => {};
const { tempDataDir } = scratchPerTest();

describe('embedded mode', { timeout: 90_000 }, () => {
  it('starts a server on a free port, migrates, persists data, and stops after the last close', async () => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const first = await openDatabase({ dataDir, log: (line) => lines.push(line) });
    expect(first.mode).toBe('embedded');

    const server = readServerJson(dataDir);
    expect(server).toBeDefined();
    if (!server) return;
    expect(server.port).not.toBe(5432);
    expect(server.host).toBe('127.0.0.1');
    expect(server.dataDir).toBe(path.join(dataDir, 'postgres'));
    expect(first.url).toBe(`postgres://nngp:nngp@127.0.0.1:${server.port}/nngp`);
    expect(isRunning(server.pid)).toBe(true);
    expect(lines.join('\n')).toContain(`embedded PostgreSQL started on 127.0.0.1:${server.port}`);
    expect(registeredUsers(dataDir)).toEqual([String(process.pid)]);

    const tables = await first.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['architectures', 'nngp_results', 'training_records']),
    );
    await first.db.insert(architectures).values(cell);
    await first.close();
    await first.close(); // idempotent

    expect(isRunning(server.pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
    expect(registeredUsers(dataDir)).toEqual([]);

    const second = await openDatabase({ dataDir, log: quiet });
    const rows = await second.db.select().from(architectures);
    expect(rows.map((row) => row.hash)).toEqual([cell.hash]);
    await second.close();
    expect(existsSync(path.join(dataDir, 'server.json'))).toBe(false);
  });

  it('shares one server between two opens in one process until the last closes', async () => {
    const dataDir = tempDataDir();
    const [a, b] = await Promise.all([
      openDatabase({ dataDir, log: quiet }),
      openDatabase({ dataDir, log: quiet }),
    ]);
    expect(a.url).toBe(b.url);
    const pid = readServerJson(dataDir)?.pid ?? 0;
    await a.close();
    expect(isRunning(pid)).toBe(true);
    expect((await b.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await b.close();
    expect(isRunning(pid)).toBe(false);
  });

  it('ignores a stale server.json, a stale lock and stale user files', async () => {
    const dataDir = tempDataDir();
    const warm = await openDatabase({ dataDir, migrate: false, log: quiet });
    await warm.close();
    const dead = deadPid();
    writeFileSync(
      path.join(dataDir, 'server.json'),
      JSON.stringify({ host: '127.0.0.1', port: 1, pid: dead, dataDir, startedAt: '' }),
    );
    writeFileSync(path.join(dataDir, 'server.lock'), JSON.stringify({ pid: dead }));
    writeFileSync(path.join(dataDir, 'users', String(dead)), JSON.stringify({ pid: dead }));

    const lines: string[] = [];
    const database = await openDatabase({ dataDir, log: (line) => lines.push(line) });
    expect(lines.join('\n')).toContain('ignoring stale');
    expect(readServerJson(dataDir)?.port).not.toBe(1);
    const pid = readServerJson(dataDir)?.pid ?? 0;
    await database.close();
    expect(isRunning(pid)).toBe(false);
    expect(registeredUsers(dataDir)).toEqual([]);
  });

  it('removes its signal listeners once no embedded database is open', async () => {
    const before = process.listenerCount('SIGINT');
    const database = await openDatabase({ dataDir: tempDataDir(), migrate: false, log: quiet });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    await database.close();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
