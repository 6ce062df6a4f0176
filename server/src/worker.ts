/**
 * `pnpm worker`: runs queued NNGP evaluations (graphile-worker jobs added by the API's
 * enqueueEvaluations) one at a time, beside or instead of the one `pnpm start` runs, on the same
 * database (embedded unless DATABASE_URL is set). `--once` runs the jobs that are due and exits.
 * Ctrl-C stops it; a job it was running is released for a later retry.
 */

import { onShutdown, openDatabase } from '@nngp-nas/db';
import { runDueEvaluations } from './jobs/run-once.ts';
import { startEvaluationWorker } from './jobs/runner.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const database = await openDatabase({ log });
try {
  if (process.argv.includes('--once')) {
    log('evaluation worker: running the queued evaluations that are due, then exiting');
    await runDueEvaluations(database, { log });
  } else {
    const runner = await startEvaluationWorker(database, { log });
    // stop() only throws when the runner already stopped itself (after a fatal error).
    onShutdown(() => runner.stop().catch(() => {}));
    log('evaluation worker: running queued evaluations, one at a time; press Ctrl-C to stop');
    await runner.promise;
  }
} catch (error) {
  log(`evaluation worker stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
