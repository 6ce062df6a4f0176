import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What server.json of a data directory says, or undefined when it is absent. */
export function readServerJson(
  dataDir: string,
): { port: number; pid: number; host: string; dataDir: string; startedAt: string } | undefined {
  const file = path.join(dataDir, 'server.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Whether the process exists and has not exited (zombies count as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '');
  } catch {
    // No /proc (not Linux): kill(pid, 0) above is all we can know.
    return !existsSync('/proc/self');
  }
}

/** The pid files under <dataDir>/users. */
export function registeredUsers(dataDir: string): string[] {
  const dir = path.join(dataDir, 'users');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A pid that certainly belongs to no running process: one that just exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}
