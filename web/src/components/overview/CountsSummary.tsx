import {
  countEvaluated,
  type ExperimentSummary,
  loadCounts,
  loadExperiments,
} from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { type DashboardFilter, groundTruthName } from '../../lib/filters/index.ts';
import { chosenExperiments } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { ErrorState } from '../figures/ErrorState.tsx';

/**
 * How many architectures match the filter, how many have ground truth, and how many have NNGP
 * results (in the chosen experiment, or the experiment with the most of them).
 *
 * @example <CountsSummary filter={filter} />
 */
export async function CountsSummary(props: { filter: DashboardFilter }) {
  const [counts, evaluated] = await Promise.all([
    settle(loadCounts(props.filter)),
    settle(nngpCount(props.filter)),
  ]);
  if (!counts.ok) return <ErrorState message={counts.error} hint="is the API running?" />;
  return (
    <section className="counts" aria-label="Counts">
      <Count testId="count-architectures" value={counts.value.all} label="architectures" />
      <Count
        testId="count-ground-truth"
        value={counts.value.withGroundTruth}
        label={`with ground truth (${groundTruthName(props.filter.space)})`}
      />
      {evaluated.ok ? (
        <Count testId="count-nngp" value={evaluated.value.count} label={evaluated.value.label} />
      ) : (
        <ErrorState message={evaluated.error} />
      )}
    </section>
  );
}

function Count(props: { testId: string; value: number; label: string }) {
  return (
    <div className="count">
      <span className="count-value" data-testid={props.testId}>
        {formatCount(props.value)}
      </span>
      <span className="count-label">{props.label}</span>
    </div>
  );
}

async function nngpCount(filter: DashboardFilter): Promise<{ count: number; label: string }> {
  const experiments: ExperimentSummary[] = chosenExperiments(
    await loadExperiments(filter.space),
    filter,
    'all',
  );
  if (experiments.length === 0) return { count: 0, label: 'with NNGP results' };
  const counts = await Promise.all(
    experiments.map(async (experiment) => ({
      experiment,
      count: await countEvaluated(filter, experiment.id),
    })),
  );
  // An architecture may be in several experiments; the largest experiment is a lower bound
  // without double counting.
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  const label =
    experiments.length === 1
      ? `with NNGP results (${best.experiment.name})`
      : `with NNGP results in ${best.experiment.name}, the largest of ${experiments.length} experiments`;
  return { count: best.count, label };
}
