import { loadExperiments, loadSizeClusters } from '../../lib/api/index.ts';
import {
  type DashboardFilter,
  describeFilter,
  experimentInForce,
  type FilterProblem,
  filterHref,
  formatRange,
  serializeFilter,
  spaceLabel,
} from '../../lib/filters/index.ts';
import { type Settled, settle } from '../../lib/settle.ts';
import { FilterBar } from './FilterBar.tsx';
import { FilterProblems } from './FilterProblems.tsx';
import { SpaceSelector } from './SpaceSelector.tsx';

/**
 * The search-space switch and the filter bar with the current filter in words and any unreadable
 * URL parameters; offers the experiments and size clusters the API knows in that space as
 * suggestions.
 *
 * @example <FilterPanel pathname="/metrics" filter={filter} problems={problems} />
 */
export async function FilterPanel(props: {
  pathname: string;
  filter: DashboardFilter;
  problems: FilterProblem[];
  /** The page's NNGP panels fall back to the newest experiment when the URL names none. */
  newestExperimentFallback?: boolean;
}) {
  const [experiments, clusters] = await Promise.all([
    settle(loadExperiments(props.filter.space)),
    settle(loadSizeClusters(props.filter.space)),
  ]);
  const { filter } = props;
  const inForce = experimentInForce(
    filter,
    experiments.ok ? experiments.value : [],
    props.newestExperimentFallback ?? false,
  );
  return (
    <section className="filter-panel" aria-label="Filter">
      <SpaceSelector pathname={props.pathname} />
      <FilterBar
        // Re-mounted when the URL's filter changes, so the inputs show the filter in effect.
        key={describeFilter(filter)}
        pathname={props.pathname}
        values={{
          space: serializeFilter(filter).get('space') ?? '',
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
      {inForce ? (
        <p className="filter-experiment" data-testid="filter-experiment">
          {inForce.source === 'url' ? (
            <>
              Experiment in force: <strong>#{inForce.id}</strong>
              {inForce.name ? ` (${inForce.name})` : ''}: every panel shows only its architectures
              and its NNGP configurations.{' '}
              <a
                href={filterHref(props.pathname, { ...filter, experiment: null })}
                data-testid="clear-experiment"
              >
                Clear experiment
              </a>
            </>
          ) : (
            <>
              No experiment in the filter: NNGP panels use the newest with results,{' '}
              <strong>#{inForce.id}</strong> ({inForce.name}); where predictors are compared, over
              its architectures.{' '}
              <a href={filterHref(props.pathname, { ...filter, experiment: inForce.id })}>
                Put it in the filter
              </a>
            </>
          )}
        </p>
      ) : null}
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
      message: `experiment=${filter.experiment}: no such ${spaceLabel(filter.space)} experiment (known: ${known})`,
    },
  ];
}
