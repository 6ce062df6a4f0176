import Link from 'next/link';
import type { ExperimentState, ExperimentSummary } from '../../lib/api/index.ts';
import { formatCount, formatDuration, formatPflops } from '../../lib/charts/format.ts';

/**
 * One experiment: name and configuration, a progress bar (done of done + queued), rate and ETA.
 * Without its live state (the progress query failed) the bar is indeterminate.
 *
 * @example <ExperimentRow experiment={experiment} state={state} />
 */
export function ExperimentRow(props: {
  experiment: ExperimentSummary;
  state: ExperimentState | null;
}) {
  const { experiment, state } = props;
  const { nTrain, nVal, ensemble } = experiment.config;
  const progress = state?.progress;
  return (
    <li className="experiment-row" data-testid="experiment-row">
      <div>
        <Link href={`/experiments/${experiment.id}`} prefetch={false}>
          {experiment.name}
        </Link>
        <div className="muted">
          #{experiment.id} · {nTrain}/{nVal} ×{ensemble}
          {state ? ` · ${state.status.toLowerCase()}` : ''}
        </div>
      </div>
      <div>
        {progress ? (
          <progress value={progress.done} max={Math.max(progress.total, 1)}>
            {progress.done} of {progress.total}
          </progress>
        ) : (
          <progress aria-label="progress unavailable" />
        )}
        <div className="muted">
          {progress
            ? `${formatCount(progress.done)} of ${formatCount(progress.total)} architectures` +
              (progress.failed > 0 ? ` · ${formatCount(progress.failed)} failed` : '')
            : `${formatCount(experiment.architectureCount)} architectures evaluated`}
        </div>
      </div>
      <div className="muted">
        {progress?.ratePerHour != null
          ? `${progress.ratePerHour.toFixed(1)} architectures/h`
          : 'no recent rate'}
        {progress?.etaSeconds != null ? ` · ETA ${formatDuration(progress.etaSeconds)}` : ''}
        {state ? ` · ${formatPflops(state.costPflops)}` : ''}
      </div>
    </li>
  );
}
