import { Suspense } from 'react';
import { ChartSkeleton } from '../../components/figures/ChartSkeleton.tsx';
import { FilterPanel } from '../../components/filters/FilterPanel.tsx';
import {
  DISCOVERED_TITLE,
  DiscoveredVsCostFigure,
} from '../../components/metrics/DiscoveredVsCostFigure.tsx';
import { FIG7_TITLE, Fig7Figure } from '../../components/metrics/Fig7Figure.tsx';
import { HYBRID_TITLE, HybridFigure } from '../../components/metrics/HybridFigure.tsx';
import {
  MODEL_SIZE_TITLE,
  NngpVsModelSizeFigure,
} from '../../components/metrics/NngpVsModelSizeFigure.tsx';
import { PQETP_TITLE, PqetpFigure } from '../../components/metrics/PqetpFigure.tsx';
import { PROXIES_TITLE, ProxiesFigure } from '../../components/metrics/ProxiesFigure.tsx';
import {
  REDUCTION_TITLE,
  SearchSpaceReductionFigure,
} from '../../components/metrics/SearchSpaceReductionFigure.tsx';
import { parseFig7K } from '../../lib/fig7-params.ts';
import { parseFilter, type SearchParamsInput } from '../../lib/filters/index.ts';

/**
 * Metrics: PQETP, discovered performance, search-space reduction, hybrid, model size, proxies;
 * for MNAS, paper Fig. 7 (selections by NNGP, 5-epoch accuracy and reward), then PQETP,
 * discovered performance and model size of the NNGP configurations against the reward (the
 * reduction and the hybrid rest on NAS-Bench-101's training budgets, and MNAS has no proxies).
 */
export default async function MetricsPage(props: { searchParams: Promise<SearchParamsInput> }) {
  const searchParams = await props.searchParams;
  const { filter, problems } = parseFilter(searchParams);
  const mnas = filter.space === 'MNAS';
  const fig7 = mnas ? parseFig7K(searchParams) : null;
  return (
    <>
      <h1>Metrics</h1>
      <p className="lead">
        {mnas
          ? 'How well NNGP picks MNAS networks: the final accuracy of the networks it selects against those selected by 5-epoch accuracy, by reward and at random (paper Fig. 7), and its ranking against the reward, for the experiment in the filter, else the newest.'
          : 'How well NNGP, shortened training and zero-cost proxies find good architectures, within the filter. NNGP configurations are those of the experiment in the filter, else the newest.'}
      </p>
      <FilterPanel
        pathname="/metrics"
        filter={filter}
        problems={problems}
        newestExperimentFallback
      />
      {fig7 === null ? null : (
        <Suspense fallback={<ChartSkeleton id="fig7" title={FIG7_TITLE} height={560} />}>
          <Fig7Figure filter={filter} k={fig7.k} kProblem={fig7.problem} />
        </Suspense>
      )}
      <div className="chart-grid">
        <Suspense fallback={<ChartSkeleton id="pqetp" title={PQETP_TITLE} />}>
          <PqetpFigure filter={filter} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton id="discovered-vs-cost" title={DISCOVERED_TITLE} />}>
          <DiscoveredVsCostFigure filter={filter} />
        </Suspense>
        {/* Both select by 12/36-epoch training, which MNAS networks do not have. */}
        {mnas ? null : (
          <>
            <Suspense
              fallback={<ChartSkeleton id="search-space-reduction" title={REDUCTION_TITLE} />}
            >
              <SearchSpaceReductionFigure filter={filter} />
            </Suspense>
            <Suspense fallback={<ChartSkeleton id="hybrid" title={HYBRID_TITLE} />}>
              <HybridFigure filter={filter} />
            </Suspense>
          </>
        )}
        <Suspense fallback={<ChartSkeleton id="nngp-vs-model-size" title={MODEL_SIZE_TITLE} />}>
          <NngpVsModelSizeFigure filter={filter} />
        </Suspense>
        {mnas ? null : (
          <Suspense fallback={<ChartSkeleton id="proxies" title={PROXIES_TITLE} />}>
            <ProxiesFigure filter={filter} />
          </Suspense>
        )}
      </div>
    </>
  );
}
