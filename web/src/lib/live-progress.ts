/**
 * The experiment page's live progress: when to stop polling and what to say. Pure, so that the
 * polling component stays small.
 */
import type { ExperimentLive, ExperimentStatus } from './api/types.ts';
import { formatCount, formatDuration, formatPflops } from './charts/format.ts';

/** How often the experiment page asks the API for progress. */
export const POLL_INTERVAL_MS = 3000;

/**
 * Whether the experiment can still change without a user action: polling stops once it is
 * COMPLETED or CANCELLED (a FAILED one may still have jobs retried by hand, but nothing queued).
 *
 * @example keepPolling('RUNNING') // true
 */
export function keepPolling(status: ExperimentStatus): boolean {
  return status !== 'COMPLETED' && status !== 'CANCELLED';
}

/**
 * The live facts in words: done of total, failed, rate, ETA, engine and backend, compute spent.
 *
 * @example describeLive(live) // ['3 of 3 done', 'no failures', …]
 */
export function describeLive(live: ExperimentLive): string[] {
  const { progress } = live;
  return [
    `${formatCount(progress.done)} of ${formatCount(progress.total)} done`,
    progress.running > 0 ? `${formatCount(progress.running)} running` : null,
    progress.failed > 0 || progress.failedForGood > 0
      ? `${formatCount(progress.failed)} failed (${formatCount(progress.failedForGood)} for good)`
      : 'no failures',
    progress.ratePerHour === null
      ? 'no rate yet (fewer than two results in the last hour)'
      : `${progress.ratePerHour.toFixed(1)} architectures/h`,
    progress.etaSeconds === null ? null : `ETA ${formatDuration(progress.etaSeconds)}`,
    live.engine ? `${live.engine} on ${live.backend ?? '—'}` : 'no result yet',
    formatPflops(live.costPflops),
  ].filter((part): part is string => part !== null);
}
