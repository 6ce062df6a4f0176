import { loadParameterHistogram, loadSizeClusters } from '../../lib/api/index.ts';
import { toHistogramBars } from '../../lib/charts/histogram.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { settle } from '../../lib/settle.ts';
import { SizeHistogramChart } from '../charts/SizeHistogramChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const SIZE_DISTRIBUTION_TITLE = 'Model-size distribution and clusters';

/**
 * Paper Fig. S7: the distribution of trainable-parameter counts (binned by the server) with the
 * default size clusters marked by colour.
 *
 * @example <SizeDistributionFigure filter={filter} />
 */
export async function SizeDistributionFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    Promise.all([loadParameterHistogram(props.filter, 60), loadSizeClusters(props.filter.space)]),
  );
  const description =
    'Architectures per parameter-count bin (60 bins, equal width on a log scale), binned by the API.';
  return (
    <ChartFigure id="size-distribution" title={SIZE_DISTRIBUTION_TITLE} description={description}>
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : result.value[0].every((bin) => bin.count === 0) ? (
        <EmptyState>No architecture matches this filter: widen it.</EmptyState>
      ) : (
        <SizeHistogramChart
          bars={toHistogramBars(result.value[0], result.value[1])}
          clusters={result.value[1].map((c) => ({ id: c.id, label: c.label }))}
        />
      )}
    </ChartFigure>
  );
}
