import { type Database, nngpExperiments } from '@nngp-nas/db';
import { eq } from 'drizzle-orm';
import type { JobHelpers, Task } from 'graphile-worker';
import { z } from 'zod';
import type { EvaluatePayload } from './queue.ts';

const payloadSchema = z.object({
  experimentId: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{32}$/),
});

/**
 * The `nngp-evaluate` task: evaluates one architecture under its experiment's stored settings
 * with compute's NNGP engine (automatic backend, one worker thread) and stores kernels and
 * results as `nngp evaluate` does. It returns at once when the experiment is cancelled or gone,
 * or the result is already stored (so a repeated job changes nothing), and throws when the
 * evaluation fails, so graphile-worker retries it.
 *
 * @example run({ pgPool, taskList: { [EVALUATE_TASK]: evaluateTask(database) } })
 */
export function evaluateTask(database: Database): Task {
  return async (payload, helpers) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success)
      throw new Error(`bad payload ${JSON.stringify(payload)}: ${parsed.error.message}`);
    const { experimentId, hash }: EvaluatePayload = parsed.data;
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
    const run = await untilAborted(
      nngp.runEvaluation(database, {
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
        backend: undefined,
        workers: 1,
        experiment: experiment.name,
        retention: experiment.retention,
        precision: experiment.precision,
        bnBatchSize: config.bnBatchSize,
        batchSize: nngp.EVALUATION_DEFAULTS.batchSize,
      }),
      helpers,
    );
    const [failure] = run.failures;
    if (failure !== undefined) throw new Error(`${hash}: ${failure.message}`);
    helpers.logger.info(
      run.evaluated > 0
        ? `${experiment.name}: evaluated ${hash} (${run.backend})`
        : `${experiment.name}: ${hash} was already evaluated`,
    );
  };
}

/**
 * The evaluation, or a rejection once graphile-worker aborts the job on shutdown: the job is
 * then released (its attempt counts as failed and it is retried later) instead of staying
 * locked until the lock expires.
 */
function untilAborted<T>(work: Promise<T>, helpers: JobHelpers): Promise<T> {
  const signal = helpers.abortSignal;
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('worker shutting down; the job will be retried'));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
