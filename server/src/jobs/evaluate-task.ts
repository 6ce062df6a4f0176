import { type Database, nngpExperiments } from '@nngp-nas/db';
import { eq } from 'drizzle-orm';
import type { JobHelpers, Task } from 'graphile-worker';
import { z } from 'zod';
import { recordEvaluationFailure } from '../experiments/record-failure.ts';
import { errorMessage } from './error-message.ts';
import type { EvaluatePayload } from './queue.ts';
import { releaseJob } from './release.ts';

const payloadSchema = z.object({
  experimentId: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{32}$/),
});

/** Why a job gave up: the worker stops and handed it back to the queue. */
export class JobReleasedError extends Error {
  constructor() {
    super('released: the worker is stopping; the job runs again at once, this attempt not counted');
    this.name = 'JobReleasedError';
    // graphile-worker logs the stack of a failed task; here it would only point at this file.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** How the task learns its worker stops (besides graphile-worker's own abort signal). */
export interface EvaluateTaskOptions {
  signal?: AbortSignal;
}

/**
 * The `nngp-evaluate` task: evaluates one architecture under its experiment's stored settings
 * with compute's NNGP engine (the experiment's engine; tfjs: automatic backend, one worker
 * thread; onnx: the cpu provider in-process) and stores kernels and
 * results as `nngp evaluate` does. It returns at once when the experiment is cancelled or gone,
 * or the result is already stored (so a repeated job changes nothing), and throws when the
 * evaluation fails, so graphile-worker retries it; the last attempt's error is recorded on the
 * experiment. When `signal` (or graphile-worker's abort) fires, the job is released to run
 * again at once, without spending its attempt.
 *
 * @example run({ pgPool, taskList: { [EVALUATE_TASK]: evaluateTask(database, { signal }) } })
 */
export function evaluateTask(database: Database, options: EvaluateTaskOptions = {}): Task {
  return async (payload, helpers) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success)
      throw new Error(`bad payload ${JSON.stringify(payload)}: ${parsed.error.message}`);
    const { experimentId, hash }: EvaluatePayload = parsed.data;
    try {
      await untilStopped(
        evaluate(database, experimentId, hash, helpers),
        database,
        helpers,
        options,
      );
    } catch (error) {
      if (error instanceof JobReleasedError) throw error;
      const message = errorMessage(error);
      if (helpers.job.attempts >= helpers.job.max_attempts)
        await recordEvaluationFailure(database.db, experimentId, hash, message).catch((e) =>
          helpers.logger.error(`could not record the failure of ${hash}: ${errorMessage(e)}`),
        );
      throw new Error(`${hash}: ${message}`, { cause: error });
    }
  };
}

async function evaluate(
  database: Database,
  experimentId: number,
  hash: string,
  helpers: JobHelpers,
): Promise<void> {
  const [experiment] = await database.db
    .select()
    .from(nngpExperiments)
    .where(eq(nngpExperiments.id, experimentId));
  if (experiment === undefined) {
    helpers.logger.info(`experiment ${experimentId} no longer exists; skipping ${hash}`);
    return;
  }
  if (experiment.cancelledAt !== null) {
    helpers.logger.info(`experiment ${experiment.name} is cancelled; skipping ${hash}`);
    return;
  }
  // Loaded when a job runs: TensorFlow.js stays out of a process that never evaluates.
  const nngp = await import('@nngp-nas/compute/nngp');
  const { config } = experiment;
  const cells = await nngp.selectArchitectures(database, hash, config.seed);
  const run = await nngp.runEvaluation(database, {
    cells,
    largest: { nTrain: config.nTrain, nVal: config.nVal, ensemble: config.ensemble },
    configs: config.configs,
    seed: config.seed,
    shape: {
      stemChannels: config.stemChannels,
      stacks: config.stacks,
      modulesPerStack: config.modulesPerStack,
    },
    dataset: config.dataset,
    engine: config.engine ?? nngp.EVALUATION_DEFAULTS.engine,
    kernels: config.kernels ?? ['nngp'],
    backend: undefined,
    workers: 1,
    experiment: experiment.name,
    retention: experiment.retention,
    precision: experiment.precision,
    bnBatchSize: config.bnBatchSize,
    batchSize: nngp.EVALUATION_DEFAULTS.batchSize,
  });
  const [failure] = run.failures;
  if (failure !== undefined) throw new Error(failure.message);
  helpers.logger.info(
    run.evaluated > 0
      ? `${experiment.name}: evaluated ${hash} (${run.backend})`
      : `${experiment.name}: ${hash} was already evaluated`,
  );
}

/**
 * The evaluation, or, once the worker stops, the job released and a JobReleasedError: the
 * process can exit at once instead of leaving the job locked until graphile-worker's lock
 * expiry. (The evaluation itself runs on in its thread until the process exits; were it to
 * store its result first, the job's rerun finds it and returns.)
 */
function untilStopped<T>(
  work: Promise<T>,
  database: Database,
  helpers: JobHelpers,
  options: EvaluateTaskOptions,
): Promise<T> {
  const signals = [options.signal, helpers.abortSignal].filter((s) => s !== undefined);
  if (signals.length === 0) return work;
  const signal = AbortSignal.any(signals);
  return new Promise<T>((resolve, reject) => {
    const release = () => {
      releaseJob(database, helpers.job)
        .then(() =>
          helpers.logger.info(
            `released job ${helpers.job.id} (${helpers.job.key}) to run again at once`,
          ),
        )
        .catch((error) =>
          // The job stays locked by this worker, whose heartbeat stops: a live worker's sweep frees it.
          helpers.logger.error(`could not release job ${helpers.job.id}: ${errorMessage(error)}`),
        )
        .finally(() => reject(new JobReleasedError()));
    };
    if (signal.aborted) release();
    else signal.addEventListener('abort', release, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', release));
  });
}
