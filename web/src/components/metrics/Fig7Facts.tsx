import type { Fig7 } from '../../lib/api/index.ts';
import { formatWithInterval } from '../../lib/charts/fig7.ts';
import { formatCount, formatNumber } from '../../lib/charts/format.ts';
import { nngpLabel } from '../../lib/predictors.ts';

/**
 * What Fig. 7 was computed over and how well NNGP ranks: τ and r (95 % bootstrap intervals) of
 * NNGP accuracy with the reward and with the 5-epoch accuracy, the reward's T and w, the NNGP
 * configuration, and the networks joined (with those left out on either side).
 *
 * @example <Fig7Facts fig7={fig7} />
 */
export function Fig7Facts(props: { fig7: Fig7 }) {
  const { fig7 } = props;
  const reward = fig7.nngpVsReward;
  const accuracy5 = fig7.nngpVsAccuracy5;
  return (
    <dl className="facts" data-testid="fig7-facts">
      <dt>NNGP vs reward</dt>
      <dd data-testid="fig7-nngp-vs-reward">
        τ {formatWithInterval(reward.kendallTau, reward.kendallTauInterval)} · r{' '}
        {formatWithInterval(reward.pearson, reward.pearsonInterval)}
      </dd>
      <dt>NNGP vs 5-epoch accuracy</dt>
      <dd data-testid="fig7-nngp-vs-accuracy5">
        τ {formatWithInterval(accuracy5.kendallTau, accuracy5.kendallTauInterval)} · r{' '}
        {formatWithInterval(accuracy5.pearson, accuracy5.pearsonInterval)}
      </dd>
      <dt>Reward</dt>
      <dd>
        ACC × (LAT / T)^w with T = {formatNumber(fig7.reward.targetLatencyMs)} ms, w ={' '}
        {fig7.reward.exponent}
      </dd>
      <dt>NNGP configuration</dt>
      <dd>
        {nngpLabel(fig7.config)} of experiment {fig7.experiment.name} (#{fig7.experiment.id})
      </dd>
      <dt>Networks</dt>
      <dd>
        {formatCount(fig7.networks)} with NNGP accuracy and measurements; k = {fig7.k}
      </dd>
      <dt>Left out</dt>
      <dd>
        {formatCount(fig7.measuredOnly)} measured without NNGP accuracy at this configuration ·{' '}
        {formatCount(fig7.nngpOnly)} with NNGP accuracy but no measurements
      </dd>
    </dl>
  );
}
