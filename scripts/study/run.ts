/**
 * `pnpm study`: runs the paper's NAS-Bench-101 study through the queue (scripts/study/plan.ts),
 * resumable: the data steps, the experiments (created when missing, as the API's
 * createExperiment does), each stage's architectures queued as graphile-worker jobs (done and
 * queued ones skipped), `pnpm worker` processes running them, and the results written to
 * results/ every few minutes and at the end of each stage (`--no-export` to keep them in the
 * database only). Progress goes to stderr; run it in the background with a log:
 *
 *   nohup pnpm study --workers 1 >> .data/study.log 2>&1 &
 *
 * Options: --workers N (worker processes, default 1; the cores are shared out among them through
 * NNGP_ONNX_THREADS and NNGP_MULTIPLY_THREADS unless they are set), --concurrency N (jobs per worker, default 1),
 * --until STAGE (stop after that stage, 1-based), --nice N (the workers' niceness, default 0).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../../compute/src/nasbench/store/index.ts';
import { GROUND_TRUTH_EPOCHS } from '../../compute/src/predictors/constants.ts';
import { exportResults } from '../../compute/src/results/index.ts';
import { type Database, openDatabase } from '../../db/src/index.ts';
import { removeQueuedJobs } from '../../server/src/jobs/cancel.ts';
import { createExperiment } from '../../server/src/mutations/create-experiment.ts';
import { enqueueEvaluations } from '../../server/src/mutations/enqueue-evaluations.ts';
import { ORDER_SEED, STAGES, type StudyExperiment } from './plan.ts';

const log = (line: string) =>
  process.stderr.write(`${new Date().toISOString().slice(0, 19)}Z study: ${line}\n`);
const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '1' },
    until: { type: 'string', default: String(STAGES.length) },
    nice: { type: 'string', default: '0' },
    'no-export': { type: 'boolean', default: false },
  },
});
const EXPORT_EVERY_MS = 10 * 60_000;
const workerCount = Number(values.workers);
const coresEach = String(Math.max(1, Math.floor(availableParallelism() / workerCount)));

const database = await openDatabase({ log });
const workers: ChildProcess[] = [];
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    log(`${signal}: stopping the workers (their jobs are released to run again)`);
    for (const w of workers) w.kill('SIGTERM');
  });
}
try {
  await prepareDatabase(database, { log });
  // Stages run in order: jobs a stopped run left queued (a later stage's) go, and each stage
  // queues its own again.
  for (const name of new Set(STAGES.map((s) => s.experiment.name))) {
    const { rows } = await database.pool.query<{ id: number }>(
      'SELECT id FROM nngp_experiments WHERE name = $1',
      [name],
    );
    const removed = rows[0] ? await removeQueuedJobs(database, rows[0].id) : 0;
    if (removed > 0) log(`${name}: ${removed} jobs left queued by an earlier run removed`);
  }
  for (let i = 0; i < workerCount; i++) workers.push(startWorker(i));
  let lastExport = Date.now();
  for (const [index, stage] of STAGES.slice(0, Number(values.until)).entries()) {
    if (stopping) break;
    const id = await experimentId(database, stage.experiment);
    const hashes = await studyOrder(database, stage.upTo);
    const counts = await enqueueEvaluations(database, { experiment: id, hashes });
    log(
      `stage ${index + 1}: ${stage.experiment.name} up to ${stage.upTo}: ${counts.enqueued} queued, ${counts.alreadyDone} done, ${counts.alreadyQueued} already queued`,
    );
    for (;;) {
      const left = await jobsLeft(database, id);
      const done = await doneCount(database, stage.experiment, id);
      log(`stage ${index + 1}: ${done} / ${hashes.length} done, ${left} left in the queue`);
      if (Date.now() - lastExport > EXPORT_EVERY_MS || left === 0) {
        if (!values['no-export']) await writeResults(database);
        lastExport = Date.now();
      }
      if (left === 0 || stopping) break;
      if (workers.every((w) => w.exitCode !== null))
        throw new Error('every worker has exited; see their lines above');
      await new Promise((r) => setTimeout(r, 60_000));
    }
  }
  log(stopping ? 'stopped; run again to resume' : 'every stage is done');
} finally {
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(
    workers.map((w) => (w.exitCode === null ? new Promise((r) => w.once('exit', r)) : null)),
  );
  await database.close();
}

function startWorker(index: number): ChildProcess {
  const child = spawn(
    'nice',
    [
      '-n',
      String(values.nice),
      process.execPath,
      '--import',
      'tsx',
      'server/src/worker.ts',
      '--concurrency',
      String(values.concurrency),
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      // The cores shared out among the workers: on reduced-width networks two one-thread
      // processes evaluated 1.65× as many architectures per second as one two-thread process.
      env: {
        NNGP_ONNX_THREADS: coresEach,
        NNGP_MULTIPLY_THREADS: coresEach,
        ...process.env,
        DATABASE_URL: database.url,
      },
    },
  );
  child.on('exit', (code, signal) => {
    if (!stopping) log(`worker ${index} exited (${signal ?? code})`);
  });
  return child;
}

/** The experiment's id as the API names it, creating the experiment when it is missing. */
async function experimentId(database: Database, e: StudyExperiment): Promise<string> {
  const { rows } = await database.pool.query<{ id: number }>(
    'SELECT id FROM nngp_experiments WHERE name = $1',
    [e.name],
  );
  if (rows[0]) return String(rows[0].id);
  const created = await createExperiment(database, {
    name: e.name,
    nTrain: e.nTrain,
    nVal: e.nVal,
    ensemble: e.ensemble,
    stemChannels: e.stemChannels,
    configs: e.configs,
    retention: 'none',
    ...(e.kernels ? { kernels: e.kernels } : {}),
    ...(e.engine ? { engine: e.engine } : {}),
  });
  log(`created experiment ${e.name} (${created.id})`);
  return String(created.id);
}

/** The first `upTo` architectures with ground truth in the study's seeded order. */
async function studyOrder(database: Database, upTo: number): Promise<string[]> {
  const { rows } = await database.pool.query<{ hash: string }>(
    `SELECT DISTINCT module_hash AS hash, md5($1 || module_hash) AS k FROM training_records
      WHERE epochs = $2 ORDER BY k LIMIT $3`,
    [ORDER_SEED, GROUND_TRUTH_EPOCHS, upTo],
  );
  return rows.map((r) => r.hash);
}

async function jobsLeft(database: Database, id: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE $1',
    [`nngp:${id}:%`],
  );
  return rows[0]?.n ?? 0;
}

async function doneCount(database: Database, e: StudyExperiment, id: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM nngp_results
      WHERE experiment_id = $1 AND n_train = $2 AND n_val = $3 AND ensemble = $4 AND kind = $5`,
    [Number(id), e.nTrain, e.nVal, e.ensemble, e.kernels?.includes('NTK') ? 'ntk' : 'nngp'],
  );
  return rows[0]?.n ?? 0;
}

async function writeResults(database: Database): Promise<void> {
  const names = [...new Set(STAGES.map((s) => s.experiment.name))];
  const { rows } = await database.pool.query<{ name: string }>(
    'SELECT name FROM nngp_experiments WHERE name = ANY($1::text[])',
    [names],
  );
  const written = await exportResults(database, { experiments: rows.map((r) => r.name) });
  log(`results/: ${written.map((w) => `${w.name} ${w.architectures} architectures`).join(', ')}`);
}
