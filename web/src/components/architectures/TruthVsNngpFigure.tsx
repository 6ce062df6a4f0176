import { loadExperiments, loadScatter } from '../../lib/api/index.ts';
import { formatCount } from '../../lib/charts/format.ts';
import { type DashboardFilter, groundTruthName } from '../../lib/filters/index.ts';
import { chosenExperiments, nngpPredictors } from '../../lib/predictors.ts';
import { settle } from '../../lib/settle.ts';
import { TruthVsNngpScatter } from '../charts/TruthVsNngpScatter.tsx';
import { ChartFigure } from '../figures/ChartFigure.tsx';
import { ErrorState } from '../figures/ErrorState.tsx';
import { NoNngpResults } from '../figures/NoNngpResults.tsx';

export const TRUTH_VS_NNGP_TITLE = 'Ground truth against NNGP accuracy';
const LIMIT = 2000;

/**
 * Paper Fig. S3: each architecture's ground truth (108-epoch accuracy; for MNAS the reward)
 * against its NNGP accuracy (the largest configuration of the chosen experiment), sampled by the
 * server above 2,000 points.
 *
 * @example <TruthVsNngpFigure filter={filter} />
 */
export async function TruthVsNngpFigure(props: { filter: DashboardFilter }) {
  const result = await settle(
    (async () => {
      const experiment = chosenExperiments(
        await loadExperiments(props.filter.space),
        props.filter,
        'newest',
      )[0];
      if (experiment === undefined) return null;
      const largest = nngpPredictors([experiment]).at(-1);
      if (largest === undefined) return null;
      return {
        spec: largest,
        scatter: await loadScatter(props.filter, largest.input, { limit: LIMIT }),
      };
    })(),
  );
  const description = 'One point per architecture; click a point to open it.';
  if (!result.ok || result.value === null || result.value.scatter.points.length === 0) {
    return (
      <ChartFigure id="truth-vs-nngp" title={TRUTH_VS_NNGP_TITLE} description={description}>
        {!result.ok ? (
          <ErrorState message={result.error} />
        ) : (
          <NoNngpResults filter={props.filter} />
        )}
      </ChartFigure>
    );
  }
  const { spec, scatter } = result.value;
  return (
    <ChartFigure
      id="truth-vs-nngp"
      title={TRUTH_VS_NNGP_TITLE}
      description={description}
      notes={
        scatter.sampled
          ? `Sampled ${formatCount(scatter.points.length)} of ${formatCount(scatter.total)} architectures (uniform, seeded, by the API).`
          : `All ${formatCount(scatter.total)} architectures with both values.`
      }
    >
      <TruthVsNngpScatter
        points={scatter.points}
        xName={spec.label}
        truth={
          props.filter.space === 'MNAS'
            ? { label: 'Reward', format: 'number' }
            : { label: `${groundTruthName('NASBENCH_101', 'long')} (%)`, format: 'accuracy' }
        }
      />
    </ChartFigure>
  );
}
