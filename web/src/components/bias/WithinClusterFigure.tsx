import { loadExperiments, loadMetrics, loadSizeClusters } from '../../lib/api/index.ts';
import { seriesColour } from '../../lib/charts/palette.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import {
  API_MAX_PREDICTORS,
  chosenExperiments,
  MODEL_SIZE_PREDICTOR,
  nngpPredictors,
  proxyPredictor,
  trainingPredictors,
} from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { GroupedBarChart } from '../charts/GroupedBarChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const WITHIN_CLUSTER_TITLE = 'Kendall τ within each size cluster';

/**
 * Paper Fig. S10: Kendall τ with the ground truth of every predictor (training, model size,
 * Zen-NAS, NNGP) within each size cluster of the filter; model size loses its advantage inside
 * a cluster.
 *
 * @example <WithinClusterFigure filter={filter} />
 */
export async function WithinClusterFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const [clusters, experiments] = await Promise.all([
        loadSizeClusters(props.filter.space),
        loadExperiments(props.filter.space),
      ]);
      const experiment = chosenExperiments(experiments, props.filter, 'newest')[0];
      const others = [
        ...trainingPredictors(props.filter.space),
        MODEL_SIZE_PREDICTOR,
        // The imported proxies score NAS-Bench-101 cells only.
        ...(props.filter.space === 'MNAS' ? [] : [proxyPredictor('zen_score')]),
      ];
      const specs = [
        ...others,
        ...nngpPredictors(experiment ? [experiment] : [], API_MAX_PREDICTORS - others.length),
      ];
      const shown = clusters.filter(
        (c) => props.filter.sizeClusters === null || props.filter.sizeClusters.includes(c.id),
      );
      const perCluster = await Promise.all(
        shown.map(async (cluster) => ({
          cluster,
          metrics: await loadMetrics(
            props.filter,
            specs.map((spec) => spec.input),
            { sizeClusters: [cluster.id] },
          ),
        })),
      );
      return { specs, perCluster };
    })(),
  );
  const description = 'τ of each predictor computed separately inside each default size cluster.';
  if (!result.ok) {
    return (
      <ChartFigure id="within-cluster" title={WITHIN_CLUSTER_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  const { specs, perCluster } = result.value;
  const withData = perCluster.filter((c) => c.metrics.some((m) => m.kendallTau !== null));
  const rows = specs.map((spec) => {
    const row: { category: string } & Record<string, number | string | null> = {
      category: spec.label,
    };
    for (const { cluster, metrics } of withData) {
      row[`cluster${cluster.id}`] =
        metrics.find((m) => m.predictor === spec.label)?.kendallTau ?? null;
    }
    return row;
  });
  return (
    <ChartFigure
      id="within-cluster"
      title={WITHIN_CLUSTER_TITLE}
      description={description}
      notes={withData
        .map(
          ({ cluster, metrics }) =>
            `cluster ${cluster.id}: ${Math.max(...metrics.map((m) => m.count))} architectures with ground truth`,
        )
        .join(' · ')}
    >
      {withData.length === 0 ? (
        <EmptyState>
          No size cluster in this filter has two or more architectures with ground truth: widen the
          filter, or compute clusters with <code>pnpm nngp clusters</code>.
        </EmptyState>
      ) : (
        <GroupedBarChart
          rows={rows}
          series={withData.map(({ cluster }) => ({
            key: `cluster${cluster.id}`,
            name: `cluster ${cluster.id} (${cluster.label})`,
            colour: seriesColour(cluster.id),
          }))}
          yLabel="Kendall τ with ground truth"
          height={360}
        />
      )}
    </ChartFigure>
  );
}
