import { Suspense } from 'react';
import { ArchitecturesTableSection } from '../../components/architectures/ArchitecturesTableSection.tsx';
import {
  TRUTH_VS_NNGP_TITLE,
  TruthVsNngpFigure,
} from '../../components/architectures/TruthVsNngpFigure.tsx';
import { ChartSkeleton } from '../../components/figures/ChartSkeleton.tsx';
import { FilterPanel } from '../../components/filters/FilterPanel.tsx';
import { parseFilter } from '../../lib/filters/index.ts';
import { parseTableOrder } from '../../lib/table-order.ts';

/** Architectures: the filtered table (sortable, paged by cursor, CSV) and truth vs NNGP. */
export default async function ArchitecturesPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const searchParams = await props.searchParams;
  const { filter, problems } = parseFilter(searchParams);
  const order = parseTableOrder(searchParams);
  return (
    <>
      <h1>Architectures</h1>
      <FilterPanel pathname="/architectures" filter={filter} problems={problems} />
      <Suspense fallback={<div className="skeleton" data-skeleton style={{ height: 560 }} />}>
        <ArchitecturesTableSection filter={filter} order={order} />
      </Suspense>
      <h2>NNGP against ground truth</h2>
      <Suspense fallback={<ChartSkeleton id="truth-vs-nngp" title={TRUTH_VS_NNGP_TITLE} />}>
        <TruthVsNngpFigure filter={filter} />
      </Suspense>
    </>
  );
}
