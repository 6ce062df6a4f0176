import type { ExperimentProgress, ExperimentStatus } from '../generated/resolvers-types.ts';
import type { ExperimentJobCounts } from '../loaders/experiment-jobs.ts';
import type { ExperimentResultsSummary } from '../loaders/experiment-results.ts';

const SECONDS_PER_HOUR = 3600;

/**
 * An experiment's progress from its results and its jobs. The rate counts the intervals
 * between the last hour's results (n results, n − 1 intervals), so it needs two of them at
 * distinct times; the ETA divides the queue by it.
 *
 * @example experimentProgress(results, jobs) // { done: 12, queued: 30, …, ratePerHour: 240, etaSeconds: 450 }
 */
export function experimentProgress(
  results: ExperimentResultsSummary,
  jobs: ExperimentJobCounts,
): ExperimentProgress {
  const { count, spanSeconds } = results.lastHour;
  const ratePerHour =
    count >= 2 && spanSeconds > 0 ? ((count - 1) / spanSeconds) * SECONDS_PER_HOUR : null;
  return {
    done: results.done,
    queued: jobs.queued,
    running: jobs.running,
    failed: jobs.failed,
    failedForGood: jobs.failedForGood,
    total: results.done + jobs.queued,
    ratePerHour,
    etaSeconds:
      ratePerHour === null || jobs.queued === 0
        ? null
        : (jobs.queued / ratePerHour) * SECONDS_PER_HOUR,
  };
}

/**
 * Where an experiment stands: cancelled wins, then a running job, then waiting jobs, then jobs
 * that failed for good, then stored results; otherwise it is only created.
 *
 * @example experimentStatus(null, { done: 3, queued: 0, running: 0, failedForGood: 1 }) // 'FAILED'
 */
export function experimentStatus(
  cancelledAt: Date | null,
  progress: Pick<ExperimentProgress, 'done' | 'queued' | 'running' | 'failedForGood'>,
): ExperimentStatus {
  if (cancelledAt !== null) return 'CANCELLED';
  if (progress.running > 0) return 'RUNNING';
  if (progress.queued > 0) return 'QUEUED';
  if (progress.failedForGood > 0) return 'FAILED';
  if (progress.done > 0) return 'COMPLETED';
  return 'CREATED';
}
