import { loadExperiments, loadSizeClusters } from '../../lib/api/index.ts';
import {
  type DashboardFilter,
  describeFilter,
  type FilterProblem,
  formatRange,
} from '../../lib/filters/index.ts';
import { type Settled, settle } from '../../lib/settle.ts';
import { FilterBar } from './FilterBar.tsx';
import { FilterProblems } from './FilterProblems.tsx';

/**
 * The filter bar with the current filter in words and any unreadable URL parameters; offers the
 * experiments and size clusters the API knows as suggestions.
 *
 * @example <FilterPanel pathname="/metrics" filter={filter} problems={problems} />
 */
export async function FilterPanel(props: {
  pathname: string;
  filter: DashboardFilter;
  problems: FilterProblem[];
}) {
  const [experiments, clusters] = await Promise.all([
    settle(loadExperiments()),
    settle(loadSizeClusters()),
  ]);
  const { filter } = props;
  return (
    <section className="filter-panel" aria-label="Filter">
      <FilterBar
        // Re-mounted when the URL's filter changes, so the inputs show the filter in effect.
        key={describeFilter(filter)}
        pathname={props.pathname}
        values={{
          sizeClusters: filter.sizeClusters?.join(',') ?? '',
          residual: filter.residual ? formatRange(filter.residual) : '',
          params: filter.params ? formatRange(filter.params) : '',
          experiment: filter.experiment ?? '',
          // An unreadable parameter is shown as typed, so it can be corrected in place.
          ...Object.fromEntries(props.problems.map((problem) => [problem.param, problem.value])),
        }}
        experiments={
          experiments.ok ? experiments.value.map((e) => ({ value: e.id, label: e.name })) : []
        }
        clusters={
          clusters.ok ? clusters.value.map((c) => ({ value: String(c.id), label: c.label })) : []
        }
      />
      <p className="filter-summary" data-testid="filter-summary">
        {describeFilter(filter)}
      </p>
      <FilterProblems problems={[...props.problems, ...unknownExperiment(filter, experiments)]} />
    </section>
  );
}

/** A problem for an experiment id the API does not list (figures then have nothing to show). */
function unknownExperiment(
  filter: DashboardFilter,
  experiments: Settled<{ id: string }[]>,
): FilterProblem[] {
  if (filter.experiment === null || !experiments.ok) return [];
  if (experiments.value.some((experiment) => experiment.id === filter.experiment)) return [];
  const known = experiments.value.map((experiment) => experiment.id).join(', ') || 'none yet';
  return [
    {
      param: 'experiment',
      value: filter.experiment,
      message: `experiment=${filter.experiment}: no such experiment (known: ${known})`,
    },
  ];
}
