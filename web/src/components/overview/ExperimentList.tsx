import Link from 'next/link';
import { loadExperimentStates, loadExperiments, type SearchSpace } from '../../lib/api/index.ts';
import { spaceLabel } from '../../lib/filters/index.ts';
import { settle } from '../../lib/settle.ts';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { ExperimentRow } from './ExperimentRow.tsx';

/**
 * Every NNGP experiment of the search space, newest first, with its progress bar, rate and ETA.
 *
 * @example <ExperimentList space="NASBENCH_101" />
 */
export async function ExperimentList(props: { space: SearchSpace }) {
  const [experiments, states] = await Promise.all([
    settle(loadExperiments(props.space)),
    settle(loadExperimentStates()),
  ]);
  if (!experiments.ok) return <ErrorState message={experiments.error} hint="is the API running?" />;
  if (experiments.value.length === 0) {
    return props.space === 'MNAS' ? (
      <EmptyState>
        No {spaceLabel(props.space)} experiments yet: run{' '}
        <code>pnpm nngp mnas evaluate --experiment NAME …</code>.
      </EmptyState>
    ) : (
      <EmptyState>
        No experiments yet: <Link href="/experiments/new">create one</Link>, or run{' '}
        <code>pnpm nngp evaluate --archs sample:100 --train 100 --val 200</code>.
      </EmptyState>
    );
  }
  return (
    <>
      {states.ok ? null : (
        <ErrorState message={states.error} hint="progress, rate and ETA are unavailable" />
      )}
      <p>
        <Link href="/experiments/new" data-testid="new-experiment-link">
          New experiment
        </Link>
      </p>
      <ul className="experiment-list">
        {experiments.value.map((experiment) => (
          <ExperimentRow
            key={experiment.id}
            experiment={experiment}
            state={states.ok ? (states.value.get(experiment.id) ?? null) : null}
          />
        ))}
      </ul>
    </>
  );
}
