import { loadArchitecture } from '../../lib/api/index.ts';
import { seriesColour } from '../../lib/charts/palette.ts';
import { toRegularizerRows } from '../../lib/charts/regularizers.ts';
import { settle } from '../../lib/settle.ts';
import { LineSeriesChart } from '../charts/LineSeriesChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';

export const NNGP_REGULARIZERS_TITLE = 'NNGP accuracy per regularizer';

/**
 * NNGP validation accuracy over the regularizer grid ε (log), one line per stored
 * configuration; the reported accuracy is each line's maximum.
 *
 * @example <NngpRegularizersFigure hash={hash} />
 */
export async function NngpRegularizersFigure(props: { hash: string }) {
  const result = await settle(loadArchitecture(props.hash));
  const data = result.ok && result.value ? toRegularizerRows(result.value.nngp) : null;
  return (
    <ChartFigure
      id="nngp-regularizers"
      title={NNGP_REGULARIZERS_TITLE}
      description="ε scales the diagonal term added to K_tt (ε·tr(K)/n); gaps are failed solves."
    >
      {!result.ok ? (
        <ErrorState message={result.error} />
      ) : data === null || data.rows.length === 0 ? (
        result.value?.space === 'MNAS' ? (
          <EmptyState>
            No NNGP results for this network yet: run{' '}
            <code>pnpm nngp mnas evaluate --experiment NAME …</code>.
          </EmptyState>
        ) : (
          <EmptyState>
            No NNGP results for this architecture yet: run{' '}
            <code>pnpm nngp evaluate --archs {props.hash} --train 100 --val 200 --ensemble 2</code>{' '}
            or enqueue it on an experiment page.
          </EmptyState>
        )
      ) : (
        <LineSeriesChart
          rows={data.rows}
          xKey="regularizer"
          xLog
          series={data.series.map((name, index) => ({
            key: name,
            name,
            colour: seriesColour(index),
          }))}
          xLabel="Regularizer ε (log scale)"
          yLabel="NNGP validation accuracy (%)"
          xFormat="number"
          yFormat="accuracy"
          yBounds={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}
