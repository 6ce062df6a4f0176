import { loadExperimentStates } from '../../lib/api/index.ts';
import { formatCount, formatDuration, formatPflops } from '../../lib/charts/format.ts';
import { settle } from '../../lib/settle.ts';
import { ProgressChart } from '../charts/ProgressChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const PROGRESS_TITLE = 'Progress';

/**
 * The experiment's queue: status, a progress bar and stacked chart of done / running / queued /
 * failed architectures, throughput, ETA, backend and compute spent.
 *
 * @example <ExperimentProgressFigure id="1" />
 */
export async function ExperimentProgressFigure(props: { id: string }) {
  const result = await settle(loadExperimentStates());
  const state = result.ok ? result.value.get(props.id) : undefined;
  return (
    <ChartFigure
      id="progress"
      title={PROGRESS_TITLE}
      notes={
        state
          ? [
              `status ${state.status.toLowerCase()}`,
              state.progress.ratePerHour === null
                ? 'no results in the last hour'
                : `${state.progress.ratePerHour.toFixed(1)} architectures/h`,
              state.progress.etaSeconds === null
                ? null
                : `ETA ${formatDuration(state.progress.etaSeconds)}`,
              state.engine ? `${state.engine} on ${state.backend ?? '—'}` : null,
              formatPflops(state.costPflops),
            ]
              .filter(Boolean)
              .join(' · ')
          : undefined
      }
    >
      {!result.ok ? (
        <ErrorState
          message={result.error}
          hint="progress is unavailable until the API answers it"
        />
      ) : state === undefined ? (
        <EmptyState>
          This experiment is not listed by the API any more: reload the overview.
        </EmptyState>
      ) : state.progress.total === 0 && state.progress.failed === 0 ? (
        <EmptyState>Nothing evaluated or queued yet: enqueue architectures below.</EmptyState>
      ) : (
        <>
          <progress
            value={state.progress.done}
            max={Math.max(state.progress.total, 1)}
            style={{ width: '100%' }}
          >
            {formatCount(state.progress.done)} of {formatCount(state.progress.total)}
          </progress>
          <ProgressChart progress={state.progress} />
        </>
      )}
    </ChartFigure>
  );
}
