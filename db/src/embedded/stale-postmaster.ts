import { readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readPostmasterFile } from './postmaster-file.ts';
import { isAlive } from './process-identity.ts';

/**
 * Removes the postmaster.pid of a postmaster that died, once nothing of that server runs
 * any more. PostgreSQL would refuse to start while the dead postmaster is a zombie (kill(pid,
 * 0) still succeeds): in a container whose init does not reap orphans, for ever. Its other
 * guard, the shared memory the old server's processes may still be attached to, reads the
 * key from this file; so the file goes only when no live process works in the cluster
 * directory (every server process runs there). Returns whether it removed the file.
 * Call it holding the data directory's lock.
 *
 * @example
 * removeStalePostmasterFile('/data/postgres'); // true after `kill -9 <postmaster>`
 */
export function removeStalePostmasterFile(cluster: string): boolean {
  const postmaster = readPostmasterFile(cluster);
  if (!postmaster || isAlive({ pid: postmaster.pid })) return false;
  if (processesWorkingIn(cluster).length > 0) return false;
  rmSync(path.join(cluster, 'postmaster.pid'), { force: true });
  return true;
}

/** Pids of live processes whose current directory is `dir`; empty where there is no /proc. */
function processesWorkingIn(dir: string): number[] {
  let target: string;
  let names: string[];
  try {
    target = realpathSync(dir);
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      // A zombie has no current directory any more: readlink fails, and it does not count.
      if (readlinkSync(`/proc/${pid}/cwd`) === target) pids.push(pid);
    } catch {
      // Gone meanwhile, or not ours to inspect.
    }
  }
  return pids;
}
