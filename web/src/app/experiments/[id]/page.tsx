import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CancelForm } from '../../../components/experiment/CancelForm.tsx';
import { EnqueueForm } from '../../../components/experiment/EnqueueForm.tsx';
import { ExperimentConfigFacts } from '../../../components/experiment/ExperimentConfigFacts.tsx';
import {
  ExperimentProgressFigure,
  PROGRESS_TITLE,
} from '../../../components/experiment/ExperimentProgressFigure.tsx';
import { LiveProgress } from '../../../components/experiment/LiveProgress.tsx';
import { ChartSkeleton } from '../../../components/figures/ChartSkeleton.tsx';
import { ErrorState } from '../../../components/figures/ErrorState.tsx';
import { FilterProblems } from '../../../components/filters/FilterProblems.tsx';
import { loadExperiment, loadExperimentLive } from '../../../lib/api/index.ts';
import {
  describeFilter,
  parseFilter,
  type SearchParamsInput,
  serializeFilter,
} from '../../../lib/filters/index.ts';
import { settle } from '../../../lib/settle.ts';

/** One experiment: configuration, progress, throughput, backend, cost; enqueue more. */
export default async function ExperimentPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const { id } = await props.params;
  if (!/^\d+$/.test(id)) notFound();
  const { filter, problems } = parseFilter(await props.searchParams);
  const [result, live] = await Promise.all([
    settle(loadExperiment(id)),
    settle(loadExperimentLive(id)),
  ]);
  if (result.ok && result.value === null) notFound();
  // The enqueue filter is the URL's, without the experiment itself (its architectures are done).
  const enqueueFilter = { ...filter, experiment: null };
  return (
    <>
      <h1>Experiment {result.ok && result.value ? result.value.name : id}</h1>
      {!result.ok || result.value === null ? (
        <ErrorState message={result.ok ? 'not found' : result.error} hint="is the API running?" />
      ) : (
        <ExperimentConfigFacts experiment={result.value} />
      )}
      {live.ok && live.value ? (
        // Keyed by status: a server re-render after a change (cancel, re-queue) restarts it.
        <LiveProgress key={live.value.status} initial={live.value} />
      ) : null}
      <Suspense fallback={<ChartSkeleton id="progress" title={PROGRESS_TITLE} height={180} />}>
        <ExperimentProgressFigure id={id} />
      </Suspense>
      <FilterProblems problems={problems} />
      <EnqueueForm
        experiment={id}
        filterQuery={serializeFilter(enqueueFilter).toString()}
        filterText={describeFilter(enqueueFilter)}
      />
      <CancelForm experiment={id} />
    </>
  );
}
