import { readFileSync } from 'node:fs';

/**
 * A pid plus, on Linux, the process's start time in clock ticks since boot. Pids are reused;
 * the pair is not, so a stale file naming a recycled pid is not mistaken for a live process.
 */
export interface ProcessIdentity {
  pid: number;
  start?: string;
}

/**
 * @example
 * processStartTime(process.pid) // '2146689' on Linux, undefined elsewhere
 */
export function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/**
 * Fields 3.. of /proc/<pid>/stat (state first, starttime at index 19); undefined where
 * there is no /proc or no such process.
 */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after the last
    // ')' are plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The identity of this process. @example currentProcess() // { pid: 4242, start: '981' } */
export function currentProcess(): ProcessIdentity {
  const start = processStartTime(process.pid);
  return start === undefined ? { pid: process.pid } : { pid: process.pid, start };
}

/**
 * Whether the process still exists (and, when a start time was recorded, is the same one).
 *
 * @example
 * isAlive({ pid: 1 }) // true
 */
export function isAlive(identity: ProcessIdentity): boolean {
  if (!Number.isInteger(identity.pid) || identity.pid <= 0) return false;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (a server run as `postgres`, say).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(identity.pid);
  if (stat === undefined) return true;
  // A zombie has exited; it only waits for its parent (here often a lazy init) to reap it.
  if (stat[0] === 'Z' || stat[0] === 'X') return false;
  return identity.start === undefined || stat[19] === identity.start;
}
