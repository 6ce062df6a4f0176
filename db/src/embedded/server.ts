import { DataDirError, EmbeddedServerError } from '../errors.ts';
import type { PostgresBinaries } from './binaries.ts';
import { ensureCluster } from './cluster.ts';
import { EMBEDDED_DATABASE, EMBEDDED_HOST } from './credentials.ts';
import { freePort } from './free-port.ts';
import type { DataDirLayout } from './layout.ts';
import { startServer, stopServerSync } from './pg-ctl.ts';
import { readPostmasterFile } from './postmaster-file.ts';
import { ensureEmbeddedDatabase, serverAnswers } from './probe.ts';
import { isAlive } from './process-identity.ts';
import type { ServerAccount } from './server-account.ts';
import {
  readServerFile,
  removeServerFile,
  type ServerFile,
  writeServerFile,
} from './server-file.ts';

/** Everything the start/stop decisions need about one data directory. */
export interface ServerContext {
  layout: DataDirLayout;
  binaries: PostgresBinaries;
  account: ServerAccount;
  log: (line: string) => void;
}

const PORT_ATTEMPTS = 5;
/** A server that is starting up or recovering may refuse connections this long. */
const ANSWER_WAIT_MS = 5000;

/**
 * Returns the server of the data directory, starting one when none runs. Call it holding
 * the data directory's lock, so two processes never both decide to start one.
 *
 * @example
 * const { port } = await findOrStartServer(context);
 */
export async function findOrStartServer(context: ServerContext): Promise<ServerFile> {
  return (await findRunningServer(context)) ?? (await startNewServer(context));
}

/**
 * Stops the data directory's server and removes server.json. Blocking (it may run in a
 * process 'exit' handler); call it holding the lock, after checking no one else uses it.
 *
 * @example
 * stopServer(context);
 */
export function stopServer(context: ServerContext): void {
  const { layout, binaries, account, log } = context;
  const recorded = readServerFile(layout.serverFile);
  stopServerSync(layout, binaries, account);
  removeServerFile(layout.serverFile);
  const where = recorded ? ` on ${recorded.host}:${recorded.port}` : '';
  log(`embedded PostgreSQL${where} stopped: no process uses ${layout.root} any more`);
}

async function findRunningServer(context: ServerContext): Promise<ServerFile | undefined> {
  const { layout, log } = context;
  const recorded = readServerFile(layout.serverFile);
  const postmaster = readPostmasterFile(layout.cluster);
  const live = postmaster && isAlive({ pid: postmaster.pid }) ? postmaster : undefined;

  if (recorded) {
    if (live?.pid === recorded.pid) {
      if (await serverAnswers(recorded.port, ANSWER_WAIT_MS)) return recorded;
      throw new DataDirError(
        layout.root,
        `PostgreSQL (pid ${recorded.pid}) runs on ${layout.cluster} but does not answer on ` +
          `${recorded.host}:${recorded.port}; see ${layout.logFile}`,
      );
    }
    log(`embedded PostgreSQL: ignoring stale ${layout.serverFile} (pid ${recorded.pid} is gone)`);
    removeServerFile(layout.serverFile);
  }
  if (!live) return undefined;

  // A live postmaster nobody recorded: its starter died between pg_ctl and server.json, or
  // someone ran pg_ctl by hand. Adopt it when it is reachable the way we would run it.
  const reachable = live.listen === EMBEDDED_HOST || live.listen === '*';
  if (live.port > 0 && reachable && (await serverAnswers(live.port, ANSWER_WAIT_MS))) {
    const adopted: ServerFile = {
      host: EMBEDDED_HOST,
      port: live.port,
      pid: live.pid,
      dataDir: layout.cluster,
      startedAt: live.startedAt,
    };
    await ensureEmbeddedDatabase(adopted.port, EMBEDDED_DATABASE);
    writeServerFile(layout.serverFile, adopted);
    log(`embedded PostgreSQL: using the server already running on ${EMBEDDED_HOST}:${live.port}`);
    return adopted;
  }
  throw new DataDirError(
    layout.root,
    `a PostgreSQL server (pid ${live.pid}) already runs on ${layout.cluster} but cannot be ` +
      `reached on ${EMBEDDED_HOST}:${live.port}; stop it (pg_ctl stop -D ${layout.cluster})`,
  );
}

async function startNewServer(context: ServerContext): Promise<ServerFile> {
  const { layout, binaries, account, log } = context;
  await ensureCluster(layout, binaries, account, log);

  let port = 0;
  for (let attempt = 0; attempt < PORT_ATTEMPTS && port === 0; attempt++) {
    const candidate = await freePort(EMBEDDED_HOST);
    if ((await startServer(layout, binaries, account, candidate)) === 'started') port = candidate;
  }
  if (port === 0) {
    throw new EmbeddedServerError(
      `PostgreSQL in ${layout.cluster} found its port taken ${PORT_ATTEMPTS} times in a row`,
    );
  }

  try {
    const postmaster = readPostmasterFile(layout.cluster);
    if (!postmaster)
      throw new EmbeddedServerError(`pg_ctl started ${layout.cluster} but left no postmaster.pid`);
    const server: ServerFile = {
      host: EMBEDDED_HOST,
      port,
      pid: postmaster.pid,
      dataDir: layout.cluster,
      startedAt: new Date().toISOString(),
    };
    await ensureEmbeddedDatabase(port, EMBEDDED_DATABASE);
    writeServerFile(layout.serverFile, server);
    log(`embedded PostgreSQL started on ${EMBEDDED_HOST}:${port} (data: ${layout.cluster})`);
    return server;
  } catch (error) {
    // Do not leave a server running that no server.json points to.
    stopServerSync(layout, binaries, account);
    throw error;
  }
}
