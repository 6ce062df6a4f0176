import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ArchitectureFacts } from '../../../components/architecture/ArchitectureFacts.tsx';
import { CellGraph } from '../../../components/architecture/CellGraph.tsx';
import {
  NNGP_REGULARIZERS_TITLE,
  NngpRegularizersFigure,
} from '../../../components/architecture/NngpRegularizersFigure.tsx';
import {
  TRAINING_CURVE_TITLE,
  TrainingCurveFigure,
} from '../../../components/architecture/TrainingCurveFigure.tsx';
import { ChartFigure } from '../../../components/figures/ChartFigure.tsx';
import { ChartSkeleton } from '../../../components/figures/ChartSkeleton.tsx';
import { ErrorState } from '../../../components/figures/ErrorState.tsx';
import { loadArchitecture } from '../../../lib/api/index.ts';
import { settle } from '../../../lib/settle.ts';

/** One architecture: its cell as a graph, facts, training curve and NNGP per regularizer. */
export default async function ArchitecturePage(props: { params: Promise<{ hash: string }> }) {
  const { hash } = await props.params;
  if (!/^[0-9a-f]{32}$/.test(hash)) notFound();
  const result = await settle(loadArchitecture(hash));
  if (result.ok && result.value === null) notFound();
  return (
    <>
      <h1>
        Architecture <code>{hash}</code>
      </h1>
      {!result.ok || result.value === null ? (
        <ErrorState message={result.ok ? 'not found' : result.error} hint="is the API running?" />
      ) : (
        <>
          <ArchitectureFacts architecture={result.value} />
          <ChartFigure
            id="cell-graph"
            title="Cell"
            description="Vertices coloured by operation; edges carry tensors from left to right."
          >
            <CellGraph matrix={result.value.matrix} operations={result.value.operations} />
          </ChartFigure>
        </>
      )}
      <div className="chart-grid" style={{ marginTop: '1rem' }}>
        <Suspense fallback={<ChartSkeleton id="training-curve" title={TRAINING_CURVE_TITLE} />}>
          <TrainingCurveFigure hash={hash} />
        </Suspense>
        <Suspense
          fallback={<ChartSkeleton id="nngp-regularizers" title={NNGP_REGULARIZERS_TITLE} />}
        >
          <NngpRegularizersFigure hash={hash} />
        </Suspense>
      </div>
    </>
  );
}
