import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { EmbeddedServerError } from '../errors.ts';
import type { PostgresBinaries } from './binaries.ts';
import { EMBEDDED_HOST } from './credentials.ts';
import type { DataDirLayout } from './layout.ts';
import { runProgram, runProgramSync } from './run-program.ts';
import { chownToServer, type ServerAccount } from './server-account.ts';

/**
 * Outcome of one start attempt: started; the port was taken (between choosing and binding,
 * or by someone else since we last used it); or what is left of a server that died
 * (its postmaster.pid, processes still attached to its shared memory) is in the way.
 */
export type StartOutcome = 'started' | 'port-in-use' | 'remnants-in-the-way';

/**
 * Starts the cluster's server with pg_ctl, detached from this process: pg_ctl puts the
 * postmaster in its own session, so neither our exit nor a Ctrl-C in our terminal reaches it.
 * Unix sockets are off (their path length limit and /var/run permissions are traps); clients
 * use TCP on 127.0.0.1.
 *
 * @example
 * if ((await startServer(layout, binaries, account, 41873)) === 'port-in-use') retry();
 */
export async function startServer(
  layout: DataDirLayout,
  binaries: PostgresBinaries,
  account: ServerAccount,
  port: number,
): Promise<StartOutcome> {
  closeSync(openSync(layout.logFile, 'a'));
  chownToServer(layout.logFile, account);
  const logStart = statSync(layout.logFile).size;
  const options = `-p ${port} -c listen_addresses=${EMBEDDED_HOST} -c unix_socket_directories=''`;
  const { code, output } = await runProgram(
    binaries.pg_ctl,
    ['start', '-D', layout.cluster, '-l', layout.logFile, '-w', '-t', '60', '-o', options],
    { account, cwd: layout.serverDir },
  );
  if (code === 0) return 'started';
  const serverLog = readFileSync(layout.logFile).subarray(logStart).toString('utf8');
  if (/could not bind|address already in use/i.test(serverLog)) return 'port-in-use';
  if (
    /lock file "postmaster\.pid" already exists|pre-existing shared memory block/i.test(serverLog)
  )
    return 'remnants-in-the-way';
  throw new EmbeddedServerError(
    `pg_ctl could not start PostgreSQL in ${layout.cluster} (code ${code}):\n${output.trim()}\n` +
      `server log (${layout.logFile}):\n${tail(serverLog)}`,
  );
}

/**
 * Stops the cluster's server (fast: open sessions are ended, no data is lost). Blocking, so
 * it also works from a process 'exit' handler. A server that is not running counts as stopped.
 *
 * @example
 * stopServerSync(layout, binaries, account);
 */
export function stopServerSync(
  layout: DataDirLayout,
  binaries: PostgresBinaries,
  account: ServerAccount,
): void {
  const { code, output } = runProgramSync(
    binaries.pg_ctl,
    ['stop', '-D', layout.cluster, '-m', 'fast', '-w', '-t', '30'],
    { account, cwd: layout.serverDir },
  );
  if (code !== 0 && !/is server running\?|no server running/i.test(output)) {
    throw new EmbeddedServerError(
      `pg_ctl could not stop PostgreSQL in ${layout.cluster} (code ${code}):\n${output.trim()}`,
    );
  }
}

function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
