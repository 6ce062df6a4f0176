import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { postgresBinaries } from './binaries.ts';
import { dataDirLayout } from './layout.ts';
import { acquireLock, acquireLockSync } from './lock.ts';
import { findOrStartServer, type ServerContext, stopServer } from './server.ts';
import { serverAccount } from './server-account.ts';
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
  context: ServerContext;
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
  const layout = dataDirLayout(root);
  const context: ServerContext = {
    layout,
    binaries: await postgresBinaries(),
    account: serverAccount(),
    log,
  };
  const lock = await acquireLock(layout.lockFile, root);
  try {
    const server = await findOrStartServer(context);
    registerUser(layout.usersDir);
    return { uses: 0, port: server.port, context };
  } finally {
    lock.release();
  }
}

async function leave(root: string): Promise<void> {
  const entry = held.get(root);
  if (!entry) return;
  entry.uses -= 1;
  if (entry.uses > 0) return;
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
