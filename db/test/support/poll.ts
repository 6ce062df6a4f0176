import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` until it returns something other than undefined, and returns that; fails
 * with the last error (or a timeout) after `timeoutMs`. For conditions that come true in
 * their own time (a server restarting), instead of sleeping a fixed time.
 *
 * @example
 * const rows = await pollUntil(() => pool.query('select 1').then((r) => r.rows), 10_000);
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`condition not met within ${timeoutMs} ms${reason}`);
    }
    await sleep(intervalMs);
  }
}
