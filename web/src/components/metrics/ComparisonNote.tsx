import { describeCounts } from '../../lib/charts/counts.ts';
import type { PredictorComparison } from '../../lib/page-data.ts';
import { omittedConfigsNote } from '../../lib/predictors.ts';

/**
 * Which architectures a comparison was evaluated over, for the figure notes.
 *
 * @example <ComparisonNote comparison={comparison} />
 */
export function ComparisonNote(props: { comparison: PredictorComparison }) {
  const { experiment, metrics, sameArchitectures, specs } = props.comparison;
  const counted = Math.max(0, ...metrics.map((m) => m.count));
  if (experiment === null) {
    return (
      <>
        Training only, over {counted.toLocaleString('en-US')} architectures with ground truth: no
        NNGP results yet (run <code>pnpm nngp evaluate …</code> or enqueue on an experiment page).{' '}
        {describeCounts(metrics)}
      </>
    );
  }
  return sameArchitectures ? (
    <>
      Every predictor over the {counted.toLocaleString('en-US')} architectures of experiment{' '}
      {experiment.name} with ground truth (same set, so costs compare). {describeCounts(metrics)}{' '}
      {omittedConfigsNote([experiment], specs)}
    </>
  ) : (
    <>
      NNGP of experiment {experiment.name}; each predictor over the architectures it covers.{' '}
      {describeCounts(metrics)} {omittedConfigsNote([experiment], specs)}
    </>
  );
}
