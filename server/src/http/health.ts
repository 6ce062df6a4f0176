import type { ServerResponse } from 'node:http';
import type { Database } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { sendJson } from './send-json.ts';

/**
 * Where the process that serves the API stands: `preparing` while its data steps run (`step`,
 * with `done` of `total` where countable), `failed` when one of them did (`error` in words),
 * `ready` when the data is in.
 */
export interface Readiness {
  state: 'preparing' | 'ready' | 'failed';
  step?: string;
  done?: number;
  total?: number;
  error?: string;
}

/**
 * `GET /health`: while preparing, 200 with the step and its progress; failed, 503 with the
 * error; ready (or without `readiness`), 200 `{"status":"ok"}` when the database answers
 * `select 1`, else 503 "database unreachable" (the driver's message, which may name the host
 * or the statement, goes to `log` only).
 *
 * @example await health(database, () => ({ state: 'ready' }), res, log);
 */
export async function health(
  database: Database,
  readiness: (() => Readiness) | undefined,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const now = readiness?.() ?? { state: 'ready' };
  if (now.state === 'preparing') {
    const { step, done, total } = now;
    return sendJson(res, 200, { status: 'preparing', step, done, total });
  }
  if (now.state === 'failed') {
    return sendJson(res, 503, {
      status: 'failed',
      error: now.error ?? 'preparing the data failed',
    });
  }
  try {
    await database.db.execute(sql`select 1`);
    sendJson(res, 200, { status: 'ok' });
  } catch (error) {
    log(`health: database unreachable: ${(error as Error).message}`);
    sendJson(res, 503, { status: 'unavailable', error: 'database unreachable' });
  }
}
