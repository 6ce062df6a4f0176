import type { Database } from '@nngp-nas/db';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

/**
 * Resolves once the database answers a query (polling with back-off up to 5 s), or when
 * `signal` aborts.
 *
 * @example await untilDatabaseAnswers(database, stopping.signal);
 */
export async function untilDatabaseAnswers(database: Database, signal: AbortSignal): Promise<void> {
  for (let delay = FIRST_DELAY_MS; !signal.aborted; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      await database.pool.query('select 1');
      return;
    } catch {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, delay);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }
}
