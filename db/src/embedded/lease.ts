import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { resolveLayout } from './cluster-location.ts';
import { watchPostmaster } from './keeper.ts';
import { dataDirLayout } from './layout.ts';
import { acquireLock, acquireLockSync } from './lock.ts';
import { findOrStartServer, type ServerContext, stopServer } from './server.ts';
import { serverAccount } from './server-account.ts';
import { serverBinaries } from './staged-binaries.ts';
import { otherLiveUsers, registerUser, unregisterUser } from './users.ts';

/** This process's use of the embedded server of one data directory. */
export interface ServerLease {
  /** Absolute data directory. */
  dataDir: string;
  port: number;
  /** Gives this use up; the last use in the last process stops the server. Idempotent. */
  release(): Promise<void>;
}

interface Held {
  uses: number;
  port: number;
  /** The postmaster this process depends on; the keeper revives the server when it dies. */
  pid: number;
  context: ServerContext;
  stopKeeper: () => void;
}

// The server is shared per process: the user file says "this pid uses it", and this count
// says how many opened databases in this process still do.
const held = new Map<string, Held>();
const queues = new Map<string, Promise<unknown>>();
/** Waiting for another process's lock in an 'exit' handler beyond this would hang the exit. */
const EXIT_LOCK_TIMEOUT_MS = 10_000;

/**
 * Uses the embedded server of `dataDir`: connects to the one that runs there (server.json)
 * or starts one, and registers this process as a user until release().
 *
 * @example
 * const lease = await acquireEmbeddedServer('/srv/nngp/.data', console.error);
 * try { connect(lease.port); } finally { await lease.release(); }
 */
export function acquireEmbeddedServer(
  dataDir: string,
  log: (line: string) => void,
): Promise<ServerLease> {
  const root = path.resolve(dataDir);
  return serialized(root, async () => {
    let entry = held.get(root);
    if (!entry) {
      entry = await joinServer(root, log);
      held.set(root, entry);
      if (!process.listeners('exit').includes(releaseAllSync)) process.on('exit', releaseAllSync);
    }
    entry.uses += 1;
    let released: Promise<void> | undefined;
    return {
      dataDir: root,
      port: entry.port,
      release: () => {
        released ??= serialized(root, () => leave(root));
        return released;
      },
    };
  });
}

async function joinServer(root: string, log: (line: string) => void): Promise<Held> {
  mkdirSync(root, { recursive: true });
  const account = serverAccount();
  const binaries = await serverBinaries(account, log);
  const lock = await acquireLock(dataDirLayout(root).lockFile, root);
  try {
    const context: ServerContext = {
      layout: resolveLayout(root, account, log),
      binaries,
      account,
      log,
    };
    const server = await findOrStartServer(context);
    registerUser(context.layout.usersDir);
    const entry: Held = {
      uses: 0,
      port: server.port,
      pid: server.pid,
      context,
      stopKeeper: () => {},
    };
    entry.stopKeeper = watchPostmaster(
      () => entry.pid,
      () => revive(root, entry),
      log,
    );
    return entry;
  } finally {
    lock.release();
  }
}

/**
 * The keeper found our postmaster dead: under the lock, restart the server on the port our
 * pools dial (or join the one another process has restarted meanwhile), so every open
 * Database of this process reconnects by itself.
 */
function revive(root: string, entry: Held): Promise<void> {
  return serialized(root, async () => {
    if (held.get(root) !== entry || entry.uses === 0) return;
    const { context } = entry;
    const lock = await acquireLock(context.layout.lockFile, root);
    try {
      const server = await findOrStartServer(context, {
        preferredPort: entry.port,
        lostPid: entry.pid,
      });
      entry.pid = server.pid;
      if (server.port !== entry.port) {
        context.log(
          `embedded PostgreSQL of ${root} now listens on port ${server.port}: port ${entry.port} ` +
            'was taken; databases this process opened before still dial the old port, reopen them',
        );
        entry.port = server.port;
      }
    } finally {
      lock.release();
    }
  });
}

async function leave(root: string): Promise<void> {
  const entry = held.get(root);
  if (!entry) return;
  entry.uses -= 1;
  if (entry.uses > 0) return;
  entry.stopKeeper();
  // Stay in `held` until done: should the process exit meanwhile, the exit hook finishes.
  const lock = await acquireLock(entry.context.layout.lockFile, root);
  try {
    if (held.get(root) === entry) leaveServer(entry.context);
  } finally {
    lock.release();
    held.delete(root);
    if (held.size === 0) process.removeListener('exit', releaseAllSync);
  }
}

/** Under the lock: drop our registration; stop the server if no one else is left. */
function leaveServer(context: ServerContext): void {
  unregisterUser(context.layout.usersDir);
  if (otherLiveUsers(context.layout.usersDir).length === 0) stopServer(context);
}

/** Process 'exit': nothing asynchronous runs any more, so release every server blocking. */
function releaseAllSync(): void {
  for (const [root, entry] of held) {
    held.delete(root);
    entry.stopKeeper();
    try {
      const lock = acquireLockSync(entry.context.layout.lockFile, root, EXIT_LOCK_TIMEOUT_MS);
      try {
        leaveServer(entry.context);
      } finally {
        lock.release();
      }
    } catch (error) {
      // Still leave: whoever next takes the lock finds us dead and decides in our place.
      unregisterUser(entry.context.layout.usersDir);
      entry.context.log(`embedded PostgreSQL: could not release ${root} cleanly: ${String(error)}`);
    }
  }
}

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => {},
    () => {},
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
