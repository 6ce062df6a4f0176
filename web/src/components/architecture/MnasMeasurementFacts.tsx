import type { MnasMeasurement } from '../../lib/api/index.ts';
import { formatAccuracy, formatNumber, formatReward } from '../../lib/charts/format.ts';
import { EmptyState } from '../figures/EmptyState.tsx';

/**
 * An MNAS network's imported measurements: 5-epoch accuracy, latency, the reward with the T and w
 * it was computed with, the final accuracy and the file they came from; an empty state saying
 * how to import them when there are none.
 *
 * @example <MnasMeasurementFacts measurement={architecture.mnas} />
 */
export function MnasMeasurementFacts(props: { measurement: MnasMeasurement | null }) {
  const m = props.measurement;
  if (m === null) {
    return (
      <EmptyState>
        No measurements for this network yet: import them with{' '}
        <code>pnpm nngp mnas import --measurements FILE</code>.
      </EmptyState>
    );
  }
  return (
    <dl className="facts" data-testid="mnas-measurements">
      <dt>5-epoch accuracy</dt>
      <dd>{formatAccuracy(m.accuracy5Epoch)}</dd>
      <dt>Latency</dt>
      <dd>{formatNumber(m.latencyMs)} ms</dd>
      <dt>Reward (ground truth)</dt>
      <dd>
        {formatReward(m.reward)} = ACC × (LAT / T)^w with T = {formatNumber(m.targetLatencyMs)} ms,
        w = {m.latencyExponent}
      </dd>
      <dt>Final accuracy</dt>
      <dd>{m.finalAccuracy === null ? 'not trained in full' : formatAccuracy(m.finalAccuracy)}</dd>
      <dt>Imported from</dt>
      <dd>
        <code>{m.source}</code>
      </dd>
    </dl>
  );
}
