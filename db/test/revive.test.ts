import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { serverAccount } from '../src/embedded/server-account.ts';
import { removeStalePostmasterFile } from '../src/embedded/stale-postmaster.ts';
import { architectures, openDatabase } from '../src/index.ts';
import { pollUntil } from './support/poll.ts';
import { SAMPLE_ARCHITECTURE as cell, scratchPerTest } from './support/scratch.ts';
import { isRunning, readServerJson } from './support/server-state.ts';

const quiet = () => {};
const { tempDataDir, holder } = scratchPerTest();
const helpers: ChildProcess[] = [];
afterEach(async () => {
  for (const helper of helpers.splice(0)) helper.kill('SIGKILL');
});

/** What the issue calls "a few seconds", with room for a loaded CI machine. */
const BACK_WITHIN_MS = 15_000;

const serverJson = (dataDir: string) => {
  const server = readServerJson(dataDir);
  if (!server) throw new Error(`no server.json in ${dataDir}`);
  return server;
};

/** server.json once it names a postmaster other than `killedPid`. */
const restartedServer = (dataDir: string, killedPid: number) => {
  const server = readServerJson(dataDir);
  return server && server.pid !== killedPid ? server : undefined;
};

/**
 * A zombie: a process that exited and that its parent never reaps, as a dead postmaster
 * stays under an init that does not reap orphans (many containers). The parent here is a
 * shell that exec'd into `sleep`, which knows nothing of the child it inherited.
 */
async function zombie(): Promise<number> {
  // Owned by the account the server runs as, as a dead postmaster is: PostgreSQL takes a
  // pid it may not signal (EPERM) for someone else's process, not for a postmaster.
  const parent = spawn('/bin/sh', ['-c', 'sleep 0 & echo $!; exec sleep 120'], {
    ...serverAccount(),
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  helpers.push(parent);
  const [line] = await createInterface({ input: parent.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((next) => [next.value as string]);
  const pid = Number(line);
  await pollUntil(
    () => (/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')) ? true : undefined),
    5000,
  );
  return pid;
}

/** A TCP server on 127.0.0.1:port; rejects while the port is taken. */
const listenOn = (port: number) =>
  new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('the embedded server after its postmaster is killed', { timeout: 90_000 }, () => {
  it('comes back on the same port; open databases in this and another process reconnect by themselves', async () => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const database = await openDatabase({ dataDir, log: (line) => lines.push(line) });
    await database.db.insert(architectures).values(cell);
    const other = holder(dataDir);
    const before = serverJson(dataDir);
    expect((await other.next('open')).port).toBe(before.port);

    process.kill(before.pid, 'SIGKILL');
    const killedAt = Date.now();
    // The same Database object, no reopening: its pool dials the same port again.
    const rows = await pollUntil(() => database.db.select().from(architectures), BACK_WITHIN_MS);
    const downMs = Date.now() - killedAt;
    expect(rows.map((row) => row.hash)).toEqual([cell.hash]);
    expect(downMs).toBeLessThan(BACK_WITHIN_MS);

    // The server answers a moment before its restarter records it in server.json.
    const after = await pollUntil(() => restartedServer(dataDir, before.pid), BACK_WITHIN_MS);
    expect(after.port).toBe(before.port);
    expect(isRunning(after.pid)).toBe(true);

    const answer = await pollUntil(async () => {
      other.send('query');
      return (await other.next('query')).value;
    }, BACK_WITHIN_MS);
    expect(answer).toBe(1);

    // One process restarted it (under the lock), and said so in one line.
    const restarts = [...lines, ...other.stderr().split('\n')].filter((line) =>
      line.includes('embedded PostgreSQL restarted on'),
    );
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toContain(`127.0.0.1:${before.port}`);
    expect(restarts[0]).toContain(`pid ${before.pid}`);

    other.send('close');
    await other.next('closed');
    expect(isRunning(after.pid)).toBe(true);
    await database.close();
    expect(isRunning(after.pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
  });

  it('moves to a fresh port when its old one was taken meanwhile, and says so', async () => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const database = await openDatabase({
      dataDir,
      migrate: false,
      log: (line) => lines.push(line),
    });
    const before = serverJson(dataDir);

    process.kill(before.pid, 'SIGKILL');
    // Taken within milliseconds of the death; the keeper looks once a second.
    const squatter = await pollUntil(() => listenOn(before.port), 5000, 5);
    try {
      const after = await pollUntil(() => restartedServer(dataDir, before.pid), BACK_WITHIN_MS);
      expect(after.port).not.toBe(before.port);
      expect(isRunning(after.pid)).toBe(true);
      expect(lines.join('\n')).toContain(`now listens on port ${after.port}`);

      // Databases opened from now on use the new port.
      const again = await openDatabase({ dataDir, migrate: false, log: quiet });
      expect(new URL(again.url).port).toBe(String(after.port));
      expect((await again.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await again.close();
      expect(isRunning(after.pid)).toBe(true);
      await database.close();
      expect(isRunning(after.pid)).toBe(false);
    } finally {
      squatter.close();
    }
  });

  it('starts over the postmaster.pid of a postmaster that is now a zombie', async () => {
    const dataDir = tempDataDir();
    const warm = await openDatabase({ dataDir, migrate: false, log: quiet });
    const cluster = serverJson(dataDir).dataDir;
    const pidFile = path.join(cluster, 'postmaster.pid');
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    await warm.close();

    // What a SIGKILLed postmaster leaves under a non-reaping init: its postmaster.pid, naming
    // a pid that kill(pid, 0) still finds. PostgreSQL alone refuses to start over it.
    const dead = await zombie();
    writeFileSync(pidFile, [String(dead), ...lines.slice(1)].join('\n'));

    const database = await openDatabase({ dataDir, migrate: false, log: quiet });
    expect((await database.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(serverJson(dataDir).pid).not.toBe(dead);
    await database.close();
  });

  it("keeps a dead postmaster's postmaster.pid while a process still works in the cluster", async () => {
    const dataDir = tempDataDir();
    const warm = await openDatabase({ dataDir, migrate: false, log: quiet });
    const cluster = serverJson(dataDir).dataDir;
    const pidFile = path.join(cluster, 'postmaster.pid');
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    await warm.close();
    const dead = await zombie();
    writeFileSync(pidFile, [String(dead), ...lines.slice(1)].join('\n'));

    // Like a backend of the dead server that has not noticed yet: PostgreSQL's shared-memory
    // check needs the file to find it, so it must stay.
    const lingering = spawn('sleep', ['120'], { cwd: cluster, stdio: 'ignore' });
    helpers.push(lingering);
    await pollUntil(() => (lingering.pid === undefined ? undefined : true), 5000);
    expect(removeStalePostmasterFile(cluster)).toBe(false);
    expect(existsSync(pidFile)).toBe(true);

    lingering.kill('SIGKILL');
    await pollUntil(() => (removeStalePostmasterFile(cluster) ? true : undefined), 5000);
    expect(existsSync(pidFile)).toBe(false);
  });
});
