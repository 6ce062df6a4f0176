import { loadMetrics, type PredictorMetrics } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { OKABE_ITO } from '../../lib/charts/palette.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { loadPredictorComparison } from '../../lib/page-data.ts';
import { MODEL_SIZE_PREDICTOR, proxyPredictor } from '../../lib/predictors.ts';
import { isMissingProxy, KNOWN_PROXIES } from '../../lib/proxies.ts';
import { settle } from '../../lib/settle.ts';
import { GroupedBarChart } from '../charts/GroupedBarChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const PROXIES_TITLE = 'Predictors side by side';

/**
 * Kendall τ and Pearson r with the ground truth of NNGP, shortened training, model size and
 * every imported zero-cost proxy (Zen-NAS, synflow, ...), each over the architectures it covers.
 *
 * @example <ProxiesFigure filter={filter} />
 */
export async function ProxiesFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const [comparison, modelSize, proxies] = await Promise.all([
        // Each predictor over all the architectures it covers (proxies cover other sets).
        loadPredictorComparison(props.filter, { sameArchitectures: false }),
        loadMetrics(props.filter, [MODEL_SIZE_PREDICTOR.input]),
        Promise.all(KNOWN_PROXIES.map((name) => proxyMetrics(props.filter, name))),
      ]);
      return [...comparison.metrics, ...modelSize, ...proxies.flat()];
    })(),
  );
  const description =
    'Each predictor over the architectures that have it and the ground truth (hover for the count); proxies appear once imported.';
  return (
    <ChartFigure
      id="proxies"
      title={PROXIES_TITLE}
      description={description}
      notes={
        result.ok
          ? result.value.map((m) => `${m.predictor}: ${formatCount(m.count)}`).join(' · ')
          : undefined
      }
    >
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : result.value.every((m) => m.kendallTau === null) ? (
        <EmptyState>
          No predictor has two or more architectures with ground truth under this filter: widen the
          filter or import records and proxies (<code>pnpm nngp proxies import FILE</code>).
        </EmptyState>
      ) : (
        <GroupedBarChart
          rows={result.value.map((m) => ({
            category: m.predictor,
            kendallTau: m.kendallTau,
            pearson: m.pearson,
            architectures: m.count,
          }))}
          series={[
            { key: 'kendallTau', name: 'Kendall τ', colour: OKABE_ITO.blue },
            { key: 'pearson', name: 'Pearson r', colour: OKABE_ITO.orange },
          ]}
          yLabel="Correlation with ground truth"
          horizontal
        />
      )}
    </ChartFigure>
  );
}

async function proxyMetrics(filter: DashboardFilter, proxy: string): Promise<PredictorMetrics[]> {
  try {
    return await loadMetrics(filter, [proxyPredictor(proxy).input]);
  } catch (error) {
    if (error instanceof Error && isMissingProxy(error.message)) return [];
    throw error;
  }
}
