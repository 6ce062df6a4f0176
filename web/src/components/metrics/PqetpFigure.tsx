import { predictorColours } from '../../lib/charts/palette.ts';
import { toPqetpRows } from '../../lib/charts/pqetp.ts';
import { type DashboardFilter, groundTruthName } from '../../lib/filters/index.ts';
import { loadPredictorComparison } from '../../lib/page-data.ts';
import { settle } from '../../lib/settle.ts';
import { LineSeriesChart } from '../charts/LineSeriesChart.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { EmptyState } from '../figures/EmptyState.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { ComparisonNote } from './ComparisonNote.tsx';

export const PQETP_TITLE = 'PQETP against threshold';

/**
 * Paper Fig. 2: PQETP (AUROC for "ground truth above t") of 4- and 12-epoch training and each
 * NNGP configuration (MNAS: the NNGP configurations, against the reward), against the threshold t.
 *
 * @example <PqetpFigure filter={filter} />
 */
export async function PqetpFigure(props: { filter: DashboardFilter }) {
  const result = await settle(loadPredictorComparison(props.filter));
  const description =
    'Probability that a predictor ranks an architecture above the threshold accuracy higher than one below it (AUROC).';
  if (!result.ok) {
    return (
      <ChartFigure id="pqetp" title={PQETP_TITLE} description={description}>
        <ErrorState message={result.error} />
      </ChartFigure>
    );
  }
  const shown = result.value.metrics.filter((metric) => metric.predictor !== '36 epochs');
  const { rows, series } = toPqetpRows(shown);
  const colours = predictorColours(result.value.specs);
  return (
    <ChartFigure
      id="pqetp"
      title={PQETP_TITLE}
      description={description}
      notes={<ComparisonNote comparison={result.value} />}
    >
      {rows.length === 0 ? (
        <EmptyState>
          No PQETP under this filter (too few architectures with ground truth on both sides of the
          thresholds): widen the filter.
        </EmptyState>
      ) : (
        <LineSeriesChart
          rows={rows}
          xKey="threshold"
          series={series.map((name) => ({
            key: name,
            name,
            colour: colours.get(name) ?? '#000000',
            dashed: name.endsWith('epochs'),
          }))}
          xLabel={`Threshold: ${groundTruthName(props.filter.space, 'long')} (%)`}
          yLabel="PQETP (AUROC)"
          xFormat="accuracy"
          yFormat="statistic"
          yBounds={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}
