import { type ExperimentSummary, loadExperiments, loadFig7 } from '../../lib/api/index.ts';
import { toFig7Strip } from '../../lib/charts/fig7.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { settle } from '../../lib/settle.ts';
import { SelectionStripChart } from '../charts/SelectionStripChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { Fig7Facts } from './Fig7Facts.tsx';
import { Fig7NetworksTable } from './Fig7NetworksTable.tsx';
import { Fig7SelectionSummary } from './Fig7SelectionSummary.tsx';

export const FIG7_TITLE = 'Final accuracy of the networks each criterion selects (MNAS)';
const ID = 'fig7';

/**
 * Paper Fig. 7, the MNAS analysis: the final accuracies of the top k networks by NNGP accuracy,
 * by 5-epoch accuracy and by reward, and of k random ones, with τ and r of NNGP against the
 * reward and the 5-epoch accuracy. For the filter's experiment, else the newest MNAS experiment
 * (with results, else the newest at all). `kProblem` is an unreadable `k` URL parameter.
 *
 * @example <Fig7Figure filter={filter} k={10} kProblem={null} />
 */
export async function Fig7Figure(props: {
  filter: DashboardFilter;
  k: number;
  kProblem: string | null;
}) {
  const result = await settle(
    (async () => {
      const experiment = await fig7Experiment(props.filter);
      if (experiment === null) return null;
      return loadFig7(experiment, { k: props.k });
    })(),
  );
  const description =
    'Each column is one way of choosing k networks; a point is a network’s final accuracy, the dash the mean (click a point to open the network).';
  const frame = { id: ID, testId: ID, title: FIG7_TITLE, description };
  if (!result.ok) {
    return (
      <ChartFigure {...frame} notes={props.kProblem}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  if (result.value === null) {
    return (
      <ChartFigure {...frame}>
        <EmptyState>
          No MNAS experiment yet: evaluate networks with{' '}
          <code>pnpm nngp mnas evaluate --experiment NAME …</code> and import their measurements
          with <code>pnpm nngp mnas import --measurements FILE</code>, then reload.
        </EmptyState>
      </ChartFigure>
    );
  }
  const fig7 = result.value;
  return (
    <ChartFigure
      {...frame}
      notes={[
        props.kProblem,
        `Intervals: 95 % bootstrap. The random selection is seeded (seed 0); change k with ?k=N.`,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <Fig7SelectionSummary selections={fig7.selections} k={fig7.k} />
      <SelectionStripChart columns={toFig7Strip(fig7.selections, fig7.k)} />
      <Fig7Facts fig7={fig7} />
      <Fig7NetworksTable selections={fig7.selections} k={fig7.k} />
    </ChartFigure>
  );
}

/** The filter's experiment, else the newest MNAS experiment with results, else the newest. */
async function fig7Experiment(filter: DashboardFilter): Promise<string | null> {
  if (filter.experiment !== null) return filter.experiment;
  const experiments: ExperimentSummary[] = await loadExperiments('MNAS');
  const withResults = experiments.find((experiment) => experiment.resultCount > 0);
  return (withResults ?? experiments[0])?.id ?? null;
}
