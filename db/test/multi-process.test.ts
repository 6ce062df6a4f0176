import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.ts';
import { scratchPerTest } from './support/scratch.ts';
import { isRunning, readServerJson, registeredUsers } from './support/server-state.ts';

const quiet = () => {};
const { tempDataDir, holder } = scratchPerTest();

describe('one data directory, several processes', { timeout: 90_000 }, () => {
  it('a second process joins the running server, and outlives the first', async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ dataDir, log: quiet });
    const server = readServerJson(dataDir);
    if (!server) throw new Error('no server.json');

    const second = holder(dataDir);
    const opened = await second.next('open');
    expect(opened.port).toBe(server.port);
    expect(readServerJson(dataDir)?.pid).toBe(server.pid);
    expect(registeredUsers(dataDir).sort()).toEqual(
      [String(process.pid), String(opened.pid)].sort(),
    );

    await first.close();
    expect(isRunning(server.pid)).toBe(true);
    expect(readServerJson(dataDir)?.port).toBe(server.port);
    second.send('query');
    expect((await second.next('query')).value).toBe(1);

    second.send('close');
    await second.next('closed');
    expect(await second.exited).toBe(0);
    expect(isRunning(server.pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
  });

  it('Ctrl-C in the process that started the server does not stop it under another user', async () => {
    const dataDir = tempDataDir();
    const owner = holder(dataDir);
    const { port } = await owner.next('open');
    const server = readServerJson(dataDir);
    if (!server) throw new Error('no server.json');

    const other = await openDatabase({ dataDir, log: quiet });
    expect(new URL(other.url).port).toBe(String(port));

    // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
    owner.signalGroup('SIGINT');
    expect(await owner.exited).toBe(130);
    expect(isRunning(server.pid)).toBe(true);
    expect((await other.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(registeredUsers(dataDir)).toEqual([String(process.pid)]);

    await other.close();
    expect(isRunning(server.pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
  });

  it('SIGTERM to the last user stops the server and exits with 143', async () => {
    const dataDir = tempDataDir();
    const only = holder(dataDir);
    await only.next('open');
    const pid = readServerJson(dataDir)?.pid ?? 0;
    only.child.kill('SIGTERM');
    expect(await only.exited).toBe(143);
    expect(isRunning(pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
  });

  it('a process that exits without close() still releases the server', async () => {
    const dataDir = tempDataDir();
    const leaver = holder(dataDir);
    await leaver.next('open');
    const pid = readServerJson(dataDir)?.pid ?? 0;
    leaver.send('exit');
    expect(await leaver.exited).toBe(0);
    expect(isRunning(pid)).toBe(false);
    expect(readServerJson(dataDir)).toBeUndefined();
    expect(registeredUsers(dataDir)).toEqual([]);
  });

  it('a killed user does not keep the server alive for ever', async () => {
    const dataDir = tempDataDir();
    const victim = holder(dataDir);
    await victim.next('open');
    const pid = readServerJson(dataDir)?.pid ?? 0;
    victim.child.kill('SIGKILL');
    await victim.exited;
    // SIGKILL leaves no chance to clean up: the next process to come and go does it.
    expect(isRunning(pid)).toBe(true);
    const next = await openDatabase({ dataDir, migrate: false, log: quiet });
    expect(readServerJson(dataDir)?.pid).toBe(pid);
    await next.close();
    expect(isRunning(pid)).toBe(false);
  });
});
