import { type HybridResult, loadHybrid } from '../../lib/api/index.ts';
import { discoveredPoint } from '../../lib/charts/discovered.ts';
import { formatNumber } from '../../lib/charts/format.ts';
import { FAMILY_COLOURS, predictorColours } from '../../lib/charts/palette.ts';
import type { DashboardFilter } from '../../lib/filters/index.ts';
import { loadPredictorComparison } from '../../lib/page-data.ts';
import { nngpLabel, preferredConfigs } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { type CostLine, DiscoveredVsCostChart } from '../charts/DiscoveredVsCostChart.tsx';
import { markerShape } from '../charts/markers.ts';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { NoNngpResults } from '../figures/NoNngpResults.tsx';

export const HYBRID_TITLE = 'Hybrid of 4-epoch training and NNGP';

/** Hybrids drawn: each lands on the 4-epoch point, so a few nested markers stay readable. */
const HYBRID_CONFIGS = 4;

/**
 * Paper Fig. 9: discovered performance against compute of 4-epoch training alone and of the
 * hybrid score (least squares of 12-epoch accuracy on 4-epoch and NNGP accuracy) for the chosen
 * experiment's largest configurations (HYBRID_CONFIGS of them).
 *
 * @example <HybridFigure filter={filter} />
 */
export async function HybridFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const comparison = await loadPredictorComparison(props.filter);
      const { experiment } = comparison;
      if (experiment === null) return null;
      const configs = preferredConfigs(experiment, HYBRID_CONFIGS);
      const hybrids = await Promise.all(
        configs.map(async (config) => ({
          configuration: nngpLabel(config),
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
  const hybridColours = predictorColours(
    hybrids.map((h) => ({ label: h.configuration, family: 'hybrid' as const })),
  );
  // The hybrid costs 4-epoch training plus a (cheap) NNGP evaluation, so its points land on the
  // 4-epoch point: nested markers, each configuration smaller than the last and alternately
  // hollow and filled, inside a large ring for 4-epoch training drawn on top.
  const hybridLines: CostLine[] = hybrids.flatMap((h, index) => {
    const name = `hybrid, ${h.configuration}`;
    const point = discoveredPoint(
      name,
      h.result.metrics?.costPflops ?? null,
      h.result.metrics?.discovered ?? null,
    );
    if (point === null) return [];
    const colour = hybridColours.get(h.configuration) ?? FAMILY_COLOURS.hybrid;
    const marker = {
      shape: markerShape(index + 1),
      r: Math.max(4, 10 - 4.5 * index),
      hollow: index % 2 === 0,
    };
    return [{ name, colour, points: [point], marker }];
  });
  const lines: CostLine[] = [
    ...hybridLines,
    ...(epoch4Point
      ? [
          {
            name: '4 epochs alone',
            colour: FAMILY_COLOURS.training,
            points: [epoch4Point],
            marker: { shape: 'circle' as const, hollow: true, r: 14 },
          },
        ]
      : []),
  ];
  const notes = hybridNotes(hybrids);
  return (
    <ChartFigure id="hybrid" title={HYBRID_TITLE} description={description} notes={notes}>
      {hybridLines.length === 0 ? (
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

/**
 * The figure's notes, short: each configuration's least-squares fit on one line, then every
 * distinct note of the API once (each configuration repeats the same cost notes).
 */
function hybridNotes(
  hybrids: { configuration: string; result: HybridResult }[],
): string | undefined {
  const fits = hybrids.flatMap(({ configuration, result: { fit } }) =>
    fit === null
      ? []
      : [
          `${configuration}: a ${formatNumber(fit.epoch4Coefficient)}, b ${formatNumber(fit.nngpCoefficient)}, c ${formatNumber(fit.bias)}, R² ${fit.rSquared.toFixed(2)}, n ${fit.count}`,
        ],
  );
  const distinct = [...new Set(hybrids.flatMap((h) => h.result.notes))];
  const parts = [
    fits.length > 0 ? `Fit 12-epoch ≈ a·4-epoch + b·NNGP + c (${fits.join('; ')}).` : '',
    ...distinct.map(
      (note) => `${note.charAt(0).toUpperCase()}${note.slice(1).replace(/\.$/, '')}.`,
    ),
  ];
  return parts.filter(Boolean).join(' ') || undefined;
}
