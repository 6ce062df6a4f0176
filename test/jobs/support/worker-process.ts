import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../../../compute/test/support/fixtures.ts';
import { pollUntil } from '../../../db/test/support/poll.ts';

/** A spawned `pnpm worker` (or API) process: its output so far, and how to stop it. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  readonly stderr: string;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Polls stderr until `pattern` matches (after `from` characters), within `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<RegExpExecArray>;
  /** Sends `signal` to the process or, with `group`, to its whole process group. */
  kill(signal: NodeJS.Signals, options?: { group?: boolean }): void;
}

/**
 * Spawns `node --import tsx <script> ARGS` from the repository root as `pnpm worker` runs it
 * (one process: signals reach it, not a relaying tsx parent), in its own process group (so a
 * test can Ctrl-C or SIGKILL the whole group as a terminal or a machine crash would). Make
 * sure to kill it: `onTestFinished`.
 *
 * @example const worker = spawnService('server/src/worker.ts', [], { DATABASE_URL: url });
 */
export function spawnService(
  script: string,
  args: string[],
  env: Record<string, string>,
): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    child,
    get stderr() {
      return stderr;
    },
    exited,
    waitFor: (pattern, timeoutMs = 120_000, from = 0) =>
      pollUntil(
        () => {
          if (done && !pattern.test(stderr.slice(from)))
            throw new Error(`exited before printing ${pattern}:\n${stderr}`);
          return pattern.exec(stderr.slice(from)) ?? undefined;
        },
        timeoutMs,
        100,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; waiting for ${pattern} in:\n${stderr}`);
      }),
    kill(signal, options = {}) {
      if (done || child.pid === undefined) return;
      try {
        process.kill(options.group ? -child.pid : child.pid, signal);
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Spawns `pnpm worker ARGS` against `databaseUrl`.
 *
 * @example const worker = spawnWorker(database.url, ['--concurrency', '2']);
 */
export function spawnWorker(
  databaseUrl: string,
  args: string[] = [],
  env: Record<string, string> = {},
): ServiceProcess {
  return spawnService('server/src/worker.ts', args, { DATABASE_URL: databaseUrl, ...env });
}
