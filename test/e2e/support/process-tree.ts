import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc shows it; `start` (clock ticks after boot) tells it from a later one with its pid. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  start: string;
  /** R, S, D, Z (zombie: exited, not yet reaped), … */
  state: string;
  /** Its command line, arguments joined by spaces. */
  command: string;
}

/**
 * Every process below `root` (children, grandchildren, …), found by walking the ppid links of
 * /proc. Take it before killing `root`: its orphans are re-parented at once.
 *
 * @example const stack = descendants(launcher.pid);
 */
export function descendants(root: number): ProcessInfo[] {
  const byParent = new Map<number, ProcessInfo[]>();
  for (const name of readdirSync('/proc')) {
    const info = processInfo(Number(name));
    if (info === undefined) continue;
    byParent.set(info.ppid, [...(byParent.get(info.ppid) ?? []), info]);
  }
  const found: ProcessInfo[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of byParent.get(pid) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/**
 * Those of `processes` that still run: the same process (pid and start time) and not a zombie.
 *
 * @example expect(stillRunning(stack)).toEqual([]);
 */
export function stillRunning(processes: readonly ProcessInfo[]): ProcessInfo[] {
  return processes.filter((p) => {
    const now = processInfo(p.pid);
    return now !== undefined && now.start === p.start && now.state !== 'Z' && now.state !== 'X';
  });
}

/**
 * /proc/PID/stat and cmdline, or undefined when there is no such process (any more).
 *
 * @example processInfo(process.pid)?.command // '/usr/bin/node …/vitest …'
 */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (in parentheses) may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return {
      pid,
      ppid: Number(fields[1]),
      start: fields[19] as string,
      state: fields[0] as string,
      command,
    };
  } catch {
    return undefined;
  }
}
