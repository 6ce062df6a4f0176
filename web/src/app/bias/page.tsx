import { Suspense } from 'react';
import {
  RESIDUAL_BIAS_TITLE,
  ResidualBiasFigure,
} from '../../components/bias/ResidualBiasFigure.tsx';
import {
  SIZE_DISTRIBUTION_TITLE,
  SizeDistributionFigure,
} from '../../components/bias/SizeDistributionFigure.tsx';
import {
  WITHIN_CLUSTER_TITLE,
  WithinClusterFigure,
} from '../../components/bias/WithinClusterFigure.tsx';
import { ChartSkeleton } from '../../components/figures/ChartSkeleton.tsx';
import { FilterPanel } from '../../components/filters/FilterPanel.tsx';
import { parseFilter, type SearchParamsInput } from '../../lib/filters/index.ts';

/** Bias: residual-connection bias, the model-size distribution, metrics within clusters. */
export default async function BiasPage(props: { searchParams: Promise<SearchParamsInput> }) {
  const { filter, problems } = parseFilter(await props.searchParams);
  return (
    <>
      <h1>Bias</h1>
      <p className="lead">
        Which architectures each predictor favours: by residual-connection count and by model size.
      </p>
      <FilterPanel pathname="/bias" filter={filter} problems={problems} newestExperimentFallback />
      <div className="chart-grid">
        <Suspense fallback={<ChartSkeleton id="residual-bias" title={RESIDUAL_BIAS_TITLE} />}>
          <ResidualBiasFigure filter={filter} />
        </Suspense>
        <Suspense
          fallback={<ChartSkeleton id="size-distribution" title={SIZE_DISTRIBUTION_TITLE} />}
        >
          <SizeDistributionFigure filter={filter} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton id="within-cluster" title={WITHIN_CLUSTER_TITLE} />}>
          <WithinClusterFigure filter={filter} />
        </Suspense>
      </div>
    </>
  );
}
