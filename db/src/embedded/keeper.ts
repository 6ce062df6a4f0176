import { isAlive } from './process-identity.ts';

/** How often a process holding an embedded server checks that its postmaster still lives. */
export const KEEPER_INTERVAL_MS = 1000;

/**
 * Watches the postmaster a process depends on: every `intervalMs` it checks the pid that
 * `pid()` names and, when that process has died (SIGKILL, the OOM killer), awaits `revive`.
 * One revive at a time; a failed one is logged (once per distinct message, not every
 * second) and the next tick tries again. The timer is unref'd, so watching never keeps a
 * process alive. Returns the function that stops watching.
 *
 * @example
 * const stop = watchPostmaster(() => entry.pid, () => restartUnderLock(entry), log);
 * // ... when the last database of this process closes:
 * stop();
 */
export function watchPostmaster(
  pid: () => number,
  revive: () => Promise<void>,
  log: (line: string) => void,
  intervalMs = KEEPER_INTERVAL_MS,
): () => void {
  let reviving = false;
  let lastFailure: string | undefined;
  const timer = setInterval(() => {
    if (reviving || isAlive({ pid: pid() })) return;
    reviving = true;
    revive()
      .then(() => {
        lastFailure = undefined;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastFailure) {
          log(`embedded PostgreSQL: could not restart the server that died: ${message}`);
        }
        lastFailure = message;
      })
      .finally(() => {
        reviving = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
