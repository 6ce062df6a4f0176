import { setTimeout as sleep } from 'node:timers/promises';
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
import { removeStalePostmasterFile } from './stale-postmaster.ts';

/** Everything the start/stop decisions need about one data directory. */
export interface ServerContext {
  layout: DataDirLayout;
  binaries: PostgresBinaries;
  account: ServerAccount;
  log: (line: string) => void;
}

/** Fresh ports tried after the preferred one, when each is taken before the server binds it. */
const PORT_ATTEMPTS = 5;
/** A server that is starting up or recovering may refuse connections this long. */
const ANSWER_WAIT_MS = 5000;
/** How long the processes of a server that died may stay in the way of a new one. */
const REMNANTS_WAIT_MS = 15_000;
const REMNANTS_POLL_MS = 200;
/** How long a stopped postmaster may take to exit after removing its postmaster.pid. */
const EXIT_WAIT_MS = 5000;

/** How findOrStartServer should start a server, should it have to. */
export interface StartPreferences {
  /**
   * Try this port first: the one the data directory's last server listened on, so that
   * pools still dialling it reconnect. Default: the port of a stale server.json.
   */
  preferredPort?: number;
  /** Reviving after this postmaster died: its stale server.json is expected, not news. */
  lostPid?: number;
}

/**
 * Returns the server of the data directory, starting one when none runs. Call it holding
 * the data directory's lock, so two processes never both decide to start one.
 *
 * @example
 * const server = await findOrStartServer(context);
 * // after the postmaster died: same port if it is still free
 * await findOrStartServer(context, { preferredPort: server.port, lostPid: server.pid });
 */
export async function findOrStartServer(
  context: ServerContext,
  preferences: StartPreferences = {},
): Promise<ServerFile> {
  const recorded = readServerFile(context.layout.serverFile);
  const running = await findRunningServer(context, recorded, preferences.lostPid);
  if (running) return running;
  const preferredPort = preferences.preferredPort ?? recorded?.port;
  return startNewServer(context, preferredPort, preferences.lostPid);
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
  const postmaster = readPostmasterFile(layout.cluster);
  // A dead postmaster (a zombie passes pg_ctl's kill(pid, 0)) would have pg_ctl wait for
  // a shutdown that never comes.
  if (postmaster && isAlive({ pid: postmaster.pid })) {
    stopServerSync(layout, binaries, account);
    // pg_ctl returns once postmaster.pid is gone, a moment before the postmaster itself
    // exits; whoever closed the last database may check for the process right away.
    waitForExitSync(postmaster.pid, EXIT_WAIT_MS);
  }
  removeServerFile(layout.serverFile);
  const where = recorded ? ` on ${recorded.host}:${recorded.port}` : '';
  log(`embedded PostgreSQL${where} stopped: no process uses ${layout.root} any more`);
}

function waitForExitSync(pid: number, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (isAlive({ pid }) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 10);
}

async function findRunningServer(
  context: ServerContext,
  recorded: ServerFile | undefined,
  lostPid: number | undefined,
): Promise<ServerFile | undefined> {
  const { layout, log } = context;
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
    if (recorded.pid !== lostPid) {
      log(`embedded PostgreSQL: ignoring stale ${layout.serverFile} (pid ${recorded.pid} is gone)`);
    }
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

async function startNewServer(
  context: ServerContext,
  preferredPort: number | undefined,
  lostPid: number | undefined,
): Promise<ServerFile> {
  const { layout, binaries, account, log } = context;
  await ensureCluster(layout, binaries, account, log);
  const port = await startOnSomePort(context, preferredPort);

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
    const where = `${EMBEDDED_HOST}:${port} (data: ${layout.cluster})`;
    log(
      lostPid === undefined
        ? `embedded PostgreSQL started on ${where}`
        : `embedded PostgreSQL restarted on ${where}: its postmaster (pid ${lostPid}) had died`,
    );
    return server;
  } catch (error) {
    // Do not leave a server running that no server.json points to.
    stopServerSync(layout, binaries, account);
    throw error;
  }
}

/**
 * Starts the server on `preferredPort` when given and free, else on a fresh port; waits
 * out what is left of a server that died (see removeStalePostmasterFile). Returns the port.
 */
async function startOnSomePort(
  context: ServerContext,
  preferredPort: number | undefined,
): Promise<number> {
  const { layout, binaries, account } = context;
  const deadline = Date.now() + REMNANTS_WAIT_MS;
  let freshPorts = preferredPort === undefined ? 1 : 0;
  let port = preferredPort ?? (await freePort(EMBEDDED_HOST));
  for (;;) {
    removeStalePostmasterFile(layout.cluster);
    const outcome = await startServer(layout, binaries, account, port);
    if (outcome === 'started') return port;
    if (outcome === 'remnants-in-the-way') {
      if (Date.now() > deadline) {
        throw new EmbeddedServerError(
          `PostgreSQL in ${layout.cluster} cannot start: what is left of a server that died ` +
            'there (processes still running in that directory, attached to its shared memory) ' +
            `is still in the way after ${REMNANTS_WAIT_MS / 1000} s; see ${layout.logFile}`,
        );
      }
      await sleep(REMNANTS_POLL_MS);
      continue;
    }
    if (freshPorts >= PORT_ATTEMPTS) {
      throw new EmbeddedServerError(
        `PostgreSQL in ${layout.cluster} found its port taken ${PORT_ATTEMPTS} times in a row`,
      );
    }
    freshPorts += 1;
    port = await freePort(EMBEDDED_HOST);
  }
}
