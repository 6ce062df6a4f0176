/**
 * `pnpm start`'s API (the launcher, scripts/start.ts, runs it beside the dashboard): the database
 * up (embedded unless DATABASE_URL is set), the GraphQL API serving at once, and an evaluation
 * worker; meanwhile the search space, records and proxy scores go in (idempotent), with /health
 * answering `{"status":"preparing","step","done","total"}` until they are, and lines on stderr
 * every 5 s or 10 % of a step. `--no-prepare` (`pnpm api`) skips the data steps; `--no-worker`
 * leaves jobs to `pnpm worker`. Ctrl-C or SIGTERM (what the launcher's tether sends when the
 * launcher dies) stops the data steps, the worker, then the API; the embedded server stops when
 * its last user exits.
 */

import { prepareDatabase } from '@nngp-nas/compute/nasbench';
import { type Database, onShutdown, openDatabase } from '@nngp-nas/db';
import { readServerEnv, readWorkerEnv } from './env.ts';
import { type ApiServer, createApiServer, type Readiness } from './index.ts';
import { jobQueue } from './jobs/queue.ts';
import { startEvaluationWorker } from './jobs/runner.ts';
import { parseWorkerOptions } from './jobs/worker-options.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const env = readServerEnv();
const prepare = !process.argv.includes('--no-prepare');
let readiness: Readiness = { state: prepare ? 'preparing' : 'ready' };
const database = await openDatabase({ log });
const api = await startApi(database);
// Hooks run in registration order: a signal stops the data steps before anything else.
const stopping = new AbortController();
onShutdown(() => stopping.abort());
if (process.argv.includes('--no-worker')) {
  log('evaluation worker: off (--no-worker); run `pnpm worker` to process queued evaluations');
} else {
  // NNGP_WORKER_CONCURRENCY as for `pnpm worker`; the worker waits out database outages itself.
  const { concurrency } = parseWorkerOptions([], readWorkerEnv());
  const worker = await startEvaluationWorker(database, { log, concurrency });
  // Hooks run in registration order: the worker releases its jobs before the API stops.
  onShutdown(() => worker.stop());
  log(
    `evaluation worker: running queued evaluations in this process, ${concurrency} at a time (--no-worker to disable)`,
  );
}
log(
  `GraphQL API at ${api.url} (health: ${new URL('/health', api.url)}); mutations ${env.NNGP_API_TOKEN === undefined ? 'off (set NNGP_API_TOKEN)' : 'need the bearer token'}; press Ctrl-C to stop`,
);
onShutdown(() => api.stop());
if (prepare) await prepareData(database);

/** The job queue's schema, then the API (listening before any data step, so /health answers). */
async function startApi(database: Database): Promise<ApiServer> {
  try {
    await jobQueue(database, log);
    return await createApiServer({ database, port: env.PORT_API, readiness: () => readiness });
  } catch (error) {
    await database.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log(
      `the API cannot listen on ${env.NNGP_API_HOST}:${env.PORT_API}: another process uses that port (PORT_API); stop it or choose another port`,
    );
    process.exit(1);
  }
}

/**
 * The data steps while the API serves: /health follows their progress; a failure is reported
 * there and on stderr, and the API goes on serving what is stored (the steps are idempotent,
 * so the next start completes them).
 */
async function prepareData(database: Database): Promise<void> {
  try {
    await prepareDatabase(database, {
      log,
      signal: stopping.signal,
      onProgress: ({ step, done, total }) => {
        readiness = { state: 'preparing', step, done, total };
      },
    });
    readiness = { state: 'ready' };
    log('data steps done: /health reports ok');
  } catch (error) {
    // Stopping (Ctrl-C, the launcher gone) interrupts the steps; that is no failure.
    if (stopping.signal.aborted) return;
    const message = error instanceof Error ? error.message : String(error);
    readiness = { state: 'failed', error: message };
    log(`data steps failed: ${message}`);
    log('the API keeps serving what is stored; /health reports the failure until the next start');
  }
}
