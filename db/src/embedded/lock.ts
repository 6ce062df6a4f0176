import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataDirError } from '../errors.ts';
import { currentProcess, isAlive, type ProcessIdentity } from './process-identity.ts';

/** A held lock file; release() is idempotent. */
export interface HeldLock {
  release(): void;
}

const POLL_MS = 25;
/** Long enough for initdb plus a first start on a slow disk. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Takes the lock file of a data directory, waiting while another live process holds it and
 * breaking it when its holder has died.
 *
 * @example
 * const lock = await acquireLock('/data/server.lock', '/data');
 * try { ... } finally { lock.release(); }
 */
export async function acquireLock(
  lockFile: string,
  dataDir: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<HeldLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = tryAcquire(lockFile);
    if (attempt.lock) return attempt.lock;
    if (Date.now() > deadline) throw lockTimeout(lockFile, dataDir, attempt.holder, timeoutMs);
    await sleep(POLL_MS);
  }
}

/**
 * The same for process 'exit' handlers, where nothing asynchronous runs. A lock this process
 * already holds (an acquire interrupted by process.exit) counts as taken.
 *
 * @example
 * const lock = acquireLockSync('/data/server.lock', '/data', 5000);
 */
export function acquireLockSync(
  lockFile: string,
  dataDir: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): HeldLock {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const attempt = tryAcquire(lockFile);
    if (attempt.lock) return attempt.lock;
    if (attempt.holder?.pid === process.pid) return ownedLock(lockFile);
    if (Date.now() > deadline) throw lockTimeout(lockFile, dataDir, attempt.holder, timeoutMs);
    Atomics.wait(pause, 0, 0, POLL_MS);
  }
}

function tryAcquire(lockFile: string): { lock?: HeldLock; holder?: ProcessIdentity } {
  // Write the content first and link it into place: link() is atomic and fails if the lock
  // exists, so no reader ever sees a lock file without its holder in it.
  const staging = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(staging, JSON.stringify(currentProcess()));
  try {
    linkSync(staging, lockFile);
    return { lock: ownedLock(lockFile) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(staging);
  }
  const holder = readHolder(lockFile);
  if (holder === 'gone') return {};
  if (holder === 'unreadable' ? olderThan(lockFile, 10_000) : !isAlive(holder)) {
    // Its holder died without releasing it. Two breakers racing here could, in a narrow
    // window, both go on; PostgreSQL's postmaster.pid still refuses a second server.
    removeIfExists(lockFile);
    return {};
  }
  return holder === 'unreadable' ? {} : { holder };
}

function readHolder(lockFile: string): ProcessIdentity | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const parsed = JSON.parse(text) as Partial<ProcessIdentity>;
    if (typeof parsed.pid !== 'number') return 'unreadable';
    return typeof parsed.start === 'string'
      ? { pid: parsed.pid, start: parsed.start }
      : { pid: parsed.pid };
  } catch {
    return 'unreadable';
  }
}

function ownedLock(lockFile: string): HeldLock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      removeIfExists(lockFile);
    },
  };
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function removeIfExists(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function lockTimeout(
  lockFile: string,
  dataDir: string,
  holder: ProcessIdentity | undefined,
  timeoutMs: number,
): DataDirError {
  const who = holder ? `process ${holder.pid}` : 'another process';
  return new DataDirError(
    dataDir,
    `gave up after ${timeoutMs / 1000} s waiting for ${who} to release ${lockFile}`,
  );
}
