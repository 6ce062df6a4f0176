import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { currentProcess, isAlive, type ProcessIdentity } from './process-identity.ts';

// One file per process, not per connection: a process that opens the database twice is still
// one user, and the in-process lease count (lease.ts) decides when it stops being one.

/** @example registerUser('/data/users') // writes /data/users/<pid> */
export function registerUser(usersDir: string): void {
  mkdirSync(usersDir, { recursive: true });
  const me = currentProcess();
  writeFileSync(path.join(usersDir, String(me.pid)), JSON.stringify(me));
}

/** @example unregisterUser('/data/users') */
export function unregisterUser(usersDir: string): void {
  rmSync(path.join(usersDir, String(process.pid)), { force: true });
}

/**
 * The processes still registered and alive, other than this one; files left by dead
 * processes are removed on the way.
 *
 * @example
 * if (otherLiveUsers('/data/users').length === 0) stopServer();
 */
export function otherLiveUsers(usersDir: string): ProcessIdentity[] {
  let names: string[];
  try {
    names = readdirSync(usersDir);
  } catch {
    return [];
  }
  const live: ProcessIdentity[] = [];
  for (const name of names) {
    const file = path.join(usersDir, name);
    const user = readUser(file, name);
    if (user?.pid === process.pid) continue;
    if (user && isAlive(user)) live.push(user);
    else rmSync(file, { force: true });
  }
  return live;
}

function readUser(file: string, name: string): ProcessIdentity | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ProcessIdentity>;
    if (typeof parsed.pid !== 'number') return undefined;
    return typeof parsed.start === 'string'
      ? { pid: parsed.pid, start: parsed.start }
      : { pid: parsed.pid };
  } catch {
    // A file being written right now reads empty; its name is still its pid.
    const pid = Number(name);
    return Number.isInteger(pid) ? { pid } : undefined;
  }
}
