/**
 * The server's internals that the cross-package tests (test/) drive directly, as the subpath
 * `@nngp-nas/server/testing`: the job queue and worker, the mutations behind enqueueing, the
 * request measure of the limits and the environment reader. Not part of the API's surface.
 *
 * @example import { jobQueue, runDueEvaluations } from '@nngp-nas/server/testing';
 */
export { readServerEnv } from './env.ts';
export type { EnqueueCounts } from './jobs/enqueue.ts';
export { jobQueue } from './jobs/queue.ts';
export { runDueEvaluations } from './jobs/run-once.ts';
export { startEvaluationWorker } from './jobs/runner.ts';
export { sweepOrphanedJobs } from './jobs/sweep.ts';
export { parseWorkerOptions, WorkerOptionsError } from './jobs/worker-options.ts';
export { measureRequest } from './limits/measure-request.ts';
export { createExperiment } from './mutations/create-experiment.ts';
export { enqueueEvaluations } from './mutations/enqueue-evaluations.ts';
