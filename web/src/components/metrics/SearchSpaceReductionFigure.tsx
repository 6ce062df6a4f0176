import { loadExperiments, loadSearchSpaceReduction } from '../../lib/api/index.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import { toReductionLines } from '../../lib/charts/reduction.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { chosenExperiments } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { DiscoveredVsCostChart } from '../charts/DiscoveredVsCostChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { NoNngpResults } from '../figures/NoNngpResults.tsx';

export const REDUCTION_TITLE = 'Search-space reduction with NNGP';

// Within a screening, the larger keep gets the darker colour.
const COLOURS: Record<string, readonly string[]> = {
  NONE: [OKABE_ITO.black],
  NNGP: [OKABE_ITO.blue, OKABE_ITO.skyBlue],
  RANDOM: [OKABE_ITO.vermillion, OKABE_ITO.orange],
};

/**
 * Paper Fig. 8: discovered performance against compute for 12/36-epoch search without
 * screening, after keeping the top p % by NNGP, and after keeping a random p %.
 *
 * @example <SearchSpaceReductionFigure filter={filter} />
 */
export async function SearchSpaceReductionFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const experiment = chosenExperiments(
        await loadExperiments(props.filter.space),
        props.filter,
        'newest',
      )[0];
      if (experiment === undefined) return null;
      const rows = await loadSearchSpaceReduction(props.filter, { experiment: experiment.id });
      const subsetSize = rows[0]?.discovered.subsetSize;
      return { experiment, lines: toReductionLines(rows), subsetSize };
    })(),
  );
  const description =
    'Screen each subset by NNGP (or at random), then pick the best by 12- or 36-epoch training among those kept; points are training budgets.';
  return (
    <ChartFigure
      id="search-space-reduction"
      title={REDUCTION_TITLE}
      description={description}
      notes={
        result.ok && result.value
          ? `NNGP of experiment ${result.value.experiment.name}.${subsetNote(result.value.subsetSize)}`
          : undefined
      }
    >
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : result.value === null ? (
        <NoNngpResults filter={props.filter} />
      ) : result.value.lines.length === 0 ? (
        <EmptyState>
          No architecture has the ground truth, the NNGP result and every training budget under this
          filter: evaluate more architectures or widen the filter.
        </EmptyState>
      ) : (
        <DiscoveredVsCostChart
          lines={result.value.lines.map((line, index, lines) => {
            const rank = lines.slice(0, index).filter((l) => l.screening === line.screening).length;
            const colours = COLOURS[line.screening] ?? [OKABE_ITO.black];
            return {
              name: line.name,
              colour: colours[rank % colours.length] ?? OKABE_ITO.black,
              points: line.points,
            };
          })}
        />
      )}
    </ChartFigure>
  );
}

/** The n behind each point: the size of the discovery subsets. */
function subsetNote(subsetSize: number | undefined): string {
  return subsetSize === undefined ? '' : ` Subsets of n = ${Math.round(subsetSize)} architectures.`;
}
