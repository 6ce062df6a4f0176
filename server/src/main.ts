/**
 * `pnpm start`: the database up (embedded unless DATABASE_URL is set), the search space, records
 * and proxy scores in (idempotent), then the GraphQL API and an evaluation worker. `--no-prepare`
 * (`pnpm api`) skips the data steps; `--no-worker` leaves jobs to `pnpm worker`. Ctrl-C stops
 * the worker, then the API; the embedded server stops when its last user exits.
 */

import { prepareDatabase } from '@nngp-nas/compute/nasbench';
import { onShutdown, openDatabase } from '@nngp-nas/db';
import { readServerEnv } from './env.ts';
import { createApiServer } from './index.ts';
import { jobQueue } from './jobs/queue.ts';
import { startEvaluationWorker } from './jobs/runner.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const env = readServerEnv();
const database = await openDatabase({ log });
try {
  if (!process.argv.includes('--no-prepare')) await prepareDatabase(database, { log });
  await jobQueue(database, log);
} catch (error) {
  await database.close();
  throw error;
}
const api = await createApiServer({
  database,
  port: env.PORT_API,
  development: env.NODE_ENV !== 'production',
});
if (process.argv.includes('--no-worker')) {
  log('evaluation worker: off (--no-worker); run `pnpm worker` to process queued evaluations');
} else {
  const runner = await startEvaluationWorker(database, { log });
  runner.promise.catch((error: unknown) => log(`evaluation worker stopped: ${String(error)}`));
  // Hooks run in registration order: the worker lets go of its jobs before the API stops.
  // stop() only throws when the runner already stopped itself (after a fatal error).
  onShutdown(() => runner.stop().catch(() => {}));
  log(
    'evaluation worker: running queued evaluations in this process, one at a time (--no-worker to disable)',
  );
}
log(
  `GraphQL API at ${api.url} (health: ${new URL('/health', api.url)}); mutations ${env.NNGP_API_TOKEN === undefined ? 'off (set NNGP_API_TOKEN)' : 'need the bearer token'}; press Ctrl-C to stop`,
);
onShutdown(() => api.stop());
