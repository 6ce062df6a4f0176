/**
 * `pnpm worker`: runs queued NNGP evaluations (graphile-worker jobs added by the API's
 * enqueueEvaluations), `--concurrency N` (or NNGP_WORKER_CONCURRENCY) at a time, beside or
 * instead of the one `pnpm start` runs, on the same database (embedded unless DATABASE_URL is
 * set): start one per machine against one DATABASE_URL to scale out. `--once` runs the jobs that
 * are due and exits. SIGTERM or Ctrl-C releases the running jobs to run again at once, then
 * exits; a database outage is waited out. Bad arguments exit 2.
 */

import { onShutdown, openDatabase } from '@nngp-nas/db';
import { readWorkerEnv } from './env.ts';
import { errorMessage } from './jobs/error-message.ts';
import { runDueEvaluations } from './jobs/run-once.ts';
import { startEvaluationWorker } from './jobs/runner.ts';
import { parseWorkerOptions, WorkerOptionsError } from './jobs/worker-options.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
let options: ReturnType<typeof parseWorkerOptions>;
try {
  options = parseWorkerOptions(process.argv.slice(2), readWorkerEnv());
} catch (error) {
  if (!(error instanceof WorkerOptionsError)) throw error;
  log(`pnpm worker: ${error.message}`);
  process.exit(2);
}
const database = await openDatabase({ log });
try {
  if (options.once) {
    log('evaluation worker: running the queued evaluations that are due, then exiting');
    await runDueEvaluations(database, { log });
  } else {
    const worker = await startEvaluationWorker(database, { log, concurrency: options.concurrency });
    onShutdown(() => worker.stop());
    const atOnce = options.concurrency === 1 ? 'one at a time' : `${options.concurrency} at a time`;
    log(`evaluation worker: running queued evaluations, ${atOnce}; press Ctrl-C to stop`);
    await worker.promise;
  }
} catch (error) {
  log(`evaluation worker stopped: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
