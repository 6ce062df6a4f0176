import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `task` while holding a lock named after `key` that other processes on this machine
 * respect (test files run in parallel processes, and two `next build`s in one folder clobber
 * each other). A lock whose holder has died is taken over.
 *
 * @example await withProcessLock(webDir, () => buildWeb());
 */
export async function withProcessLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const dir = path.join(
    tmpdir(),
    `nngp-lock-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`,
  );
  const owner = path.join(dir, 'pid');
  for (;;) {
    try {
      await mkdir(dir);
      await writeFile(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(owner, 'utf8').catch(() => ''));
      // No pid yet means the holder is between mkdir and writeFile: wait for it.
      if (holder > 0 && !alive(holder)) await rm(dir, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await task();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
