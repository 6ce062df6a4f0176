import { loadHybrid } from '../../lib/api/index.ts';
import { discoveredPoint } from '../../lib/charts/discovered.ts';
import { formatNumber } from '../../lib/charts/format.ts';
import { FAMILY_COLOURS } from '../../lib/charts/palette.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { loadPredictorComparison } from '../../lib/page-data.ts';
import { experimentConfigs, nngpLabel } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { DiscoveredVsCostChart } from '../charts/DiscoveredVsCostChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { NoNngpResults } from '../figures/NoNngpResults.tsx';

export const HYBRID_TITLE = 'Hybrid of 4-epoch training and NNGP';

/**
 * Paper Fig. 9: discovered performance against compute of 4-epoch training alone and of the
 * hybrid score (least squares of 12-epoch accuracy on 4-epoch and NNGP accuracy) for each NNGP
 * configuration of the chosen experiment.
 *
 * @example <HybridFigure filter={filter} />
 */
export async function HybridFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const comparison = await loadPredictorComparison(props.filter);
      const { experiment } = comparison;
      if (experiment === null) return null;
      const configs = experimentConfigs(experiment);
      const hybrids = await Promise.all(
        configs.map(async (config) => ({
          label: `hybrid, ${nngpLabel(config)}`,
          result: await loadHybrid(props.filter, { experiment: experiment.id, ...config }),
        })),
      );
      const epoch4 = comparison.metrics.find((m) => m.predictor === '4 epochs');
      return { epoch4, hybrids };
    })(),
  );
  const description =
    'Best 108-epoch accuracy among the top 10 (mean over subsets, ±1 SE) against compute; the hybrid costs 4-epoch training plus the NNGP evaluation.';
  if (!result.ok) {
    return (
      <ChartFigure id="hybrid" title={HYBRID_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  if (result.value === null) {
    return (
      <ChartFigure id="hybrid" title={HYBRID_TITLE} description={description}>
        <NoNngpResults filter={props.filter} />
      </ChartFigure>
    );
  }
  const { epoch4, hybrids } = result.value;
  const epoch4Point = epoch4
    ? discoveredPoint('4 epochs', epoch4.costPflops, epoch4.discovered)
    : null;
  const hybridPoints = hybrids
    .map((h) =>
      discoveredPoint(
        h.label,
        h.result.metrics?.costPflops ?? null,
        h.result.metrics?.discovered ?? null,
      ),
    )
    .filter((point) => point !== null)
    .sort((a, b) => a.cost - b.cost);
  const fits = hybrids
    .filter((h) => h.result.fit !== null)
    .map((h) => {
      const fit = h.result.fit;
      return fit
        ? `${h.label}: 12-ep ≈ ${formatNumber(fit.epoch4Coefficient)}·4-ep + ${formatNumber(fit.nngpCoefficient)}·NNGP + ${formatNumber(fit.bias)} (R² ${fit.rSquared.toFixed(2)}, n = ${fit.count})`
        : '';
    });
  const notes = [...fits, ...hybrids.flatMap((h) => h.result.notes)].join('; ');
  const lines = [
    ...(epoch4Point
      ? [{ name: '4 epochs', colour: FAMILY_COLOURS.training, points: [epoch4Point] }]
      : []),
    ...(hybridPoints.length > 0
      ? [{ name: 'hybrid', colour: FAMILY_COLOURS.hybrid, points: hybridPoints }]
      : []),
  ];
  return (
    <ChartFigure
      id="hybrid"
      title={HYBRID_TITLE}
      description={description}
      notes={notes || undefined}
    >
      {hybridPoints.length === 0 ? (
        <EmptyState>
          The hybrid could not be fitted under this filter (it needs at least three architectures
          with 4- and 12-epoch training and an NNGP result): evaluate more architectures or widen
          the filter.
        </EmptyState>
      ) : (
        <DiscoveredVsCostChart lines={lines} />
      )}
    </ChartFigure>
  );
}
