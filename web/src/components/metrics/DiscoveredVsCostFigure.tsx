import { toDiscoveredSeries } from '../../lib/charts/discovered.ts';
import { FAMILY_COLOURS } from '../../lib/charts/palette.ts';
import { type DashboardFilter, groundTruthName } from '../../lib/filters/index.ts';
import { loadPredictorComparison } from '../../lib/page-data.ts';
import { settle } from '../../lib/settle.ts';
import { DiscoveredVsCostChart } from '../charts/DiscoveredVsCostChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { ComparisonNote } from './ComparisonNote.tsx';

export const DISCOVERED_TITLE = 'Discovered performance against compute';

/**
 * Paper Fig. 3: the best ground truth among each predictor's top 10 (mean over the discovery
 * subsets, ±1 standard error) against its compute, training budgets and NNGP configurations
 * each joined in order of cost.
 *
 * @example <DiscoveredVsCostFigure filter={filter} />
 */
export async function DiscoveredVsCostFigure(props: { filter: DashboardFilter }) {
  const result = await settle(loadPredictorComparison(props.filter));
  const description = `Best ${groundTruthName(props.filter.space)} among the top 10 by each predictor, averaged over random subsets; bands and bars are ±1 standard error.`;
  if (!result.ok) {
    return (
      <ChartFigure id="discovered-vs-cost" title={DISCOVERED_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  const series = toDiscoveredSeries(result.value.metrics, result.value.specs);
  const subset = result.value.metrics.find((m) => m.discovered !== null)?.discovered;
  return (
    <ChartFigure
      id="discovered-vs-cost"
      title={DISCOVERED_TITLE}
      description={description}
      notes={
        <>
          <ComparisonNote comparison={result.value} />
          {subset
            ? ` Subsets of ${Math.round(subset.subsetSize)} architectures, top ${subset.topK}.`
            : null}
        </>
      }
    >
      {series.length === 0 ? (
        <EmptyState>
          No predictor with a known cost has discovered performance under this filter: widen the
          filter.
        </EmptyState>
      ) : (
        <DiscoveredVsCostChart
          lines={series.map((line) => ({
            name: line.name,
            colour: FAMILY_COLOURS[line.family],
            points: line.points,
          }))}
        />
      )}
    </ChartFigure>
  );
}
