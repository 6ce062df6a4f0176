import { Suspense } from 'react';
import { ChartSkeleton } from '../components/figures/ChartSkeleton.tsx';
import { FilterPanel } from '../components/filters/FilterPanel.tsx';
import { CountsSummary } from '../components/overview/CountsSummary.tsx';
import { ExperimentList } from '../components/overview/ExperimentList.tsx';
import { TAU_VS_COST_TITLE, TauVsCostFigure } from '../components/overview/TauVsCostFigure.tsx';
import { parseFilter, type SearchParamsInput } from '../lib/filters/index.ts';

/** Overview: counts, experiments with progress, and τ / r against cost (paper Fig. 1). */
export default async function OverviewPage(props: { searchParams: Promise<SearchParamsInput> }) {
  const { filter, problems } = parseFilter(await props.searchParams);
  return (
    <>
      <h1>Overview</h1>
      <FilterPanel pathname="/" filter={filter} problems={problems} />
      <Suspense fallback={<div className="skeleton" data-skeleton style={{ height: 90 }} />}>
        <CountsSummary filter={filter} />
      </Suspense>
      <h2>Experiments</h2>
      <Suspense fallback={<div className="skeleton" data-skeleton style={{ height: 60 }} />}>
        <ExperimentList space={filter.space} />
      </Suspense>
      {/* MNAS networks have no shortened training: the NNGP configurations alone. */}
      <h2>
        {filter.space === 'MNAS'
          ? 'NNGP against the MNAS reward'
          : 'NNGP against shortened training'}
      </h2>
      <Suspense
        fallback={<ChartSkeleton id="tau-vs-cost" title={TAU_VS_COST_TITLE} height={620} />}
      >
        <TauVsCostFigure filter={filter} />
      </Suspense>
    </>
  );
}
