import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ArchitectureFacts } from '../../../components/architecture/ArchitectureFacts.tsx';
import { CellGraph } from '../../../components/architecture/CellGraph.tsx';
import { MnasBlocksTable } from '../../../components/architecture/MnasBlocksTable.tsx';
import { MnasMeasurementFacts } from '../../../components/architecture/MnasMeasurementFacts.tsx';
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
import { EmptyState } from '../../../components/figures/EmptyState.tsx';
import { ErrorState } from '../../../components/figures/ErrorState.tsx';
import { type ArchitectureDetail, loadArchitecture } from '../../../lib/api/index.ts';
import { settle } from '../../../lib/settle.ts';

/**
 * One architecture: a NAS-Bench-101 cell as a graph with its training curve, or an MNAS network
 * as its block table with its measurements; facts and NNGP per regularizer for both.
 */
export default async function ArchitecturePage(props: { params: Promise<{ hash: string }> }) {
  const { hash } = await props.params;
  if (!/^[0-9a-f]{32}$/.test(hash)) notFound();
  const result = await settle(loadArchitecture(hash));
  if (result.ok && result.value === null) notFound();
  const architecture = result.ok ? result.value : null;
  const mnas = architecture?.space === 'MNAS';
  return (
    <>
      <h1>
        {mnas ? 'MNAS network' : 'Architecture'} <code>{hash}</code>
      </h1>
      {architecture === null ? (
        <ErrorState message={result.ok ? 'not found' : result.error} hint="is the API running?" />
      ) : (
        <>
          <ArchitectureFacts architecture={architecture} />
          {mnas ? (
            <MnasParts architecture={architecture} />
          ) : (
            <CellPart architecture={architecture} />
          )}
        </>
      )}
      <div className="chart-grid" style={{ marginTop: '1rem' }}>
        {mnas ? null : (
          // NAS-Bench-101 training budgets; MNAS measurements are shown above instead.
          <Suspense fallback={<ChartSkeleton id="training-curve" title={TRAINING_CURVE_TITLE} />}>
            <TrainingCurveFigure hash={hash} />
          </Suspense>
        )}
        <Suspense
          fallback={<ChartSkeleton id="nngp-regularizers" title={NNGP_REGULARIZERS_TITLE} />}
        >
          <NngpRegularizersFigure hash={hash} />
        </Suspense>
      </div>
    </>
  );
}

/** A NAS-Bench-101 cell; its matrix and operations are null only if the API breaks its word. */
function CellPart(props: { architecture: ArchitectureDetail }) {
  const { matrix, operations } = props.architecture;
  return (
    <ChartFigure
      id="cell-graph"
      title="Cell"
      description="Vertices coloured by operation; edges carry tensors from left to right."
    >
      {matrix === null || operations === null ? (
        <EmptyState>The API sent no cell (matrix and operations) for this architecture.</EmptyState>
      ) : (
        <CellGraph matrix={matrix} operations={operations} />
      )}
    </ChartFigure>
  );
}

/** An MNAS network: its seven blocks and its imported measurements. */
function MnasParts(props: { architecture: ArchitectureDetail }) {
  const { encoding, mnas } = props.architecture;
  return (
    <>
      <ChartFigure
        id="mnas-blocks"
        title="Blocks"
        description="The seven blocks of the MobileNetV2 baseline as this network chose them: {op}-k{kernel}-se{ratio}-{skip}-f{filters}-n{layers}."
      >
        {encoding === null ? (
          <EmptyState>The API sent no encoding for this network.</EmptyState>
        ) : (
          <MnasBlocksTable encoding={encoding} />
        )}
      </ChartFigure>
      <h2>Measurements</h2>
      <MnasMeasurementFacts measurement={mnas} />
    </>
  );
}
