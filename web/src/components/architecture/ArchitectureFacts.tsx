import type { ArchitectureDetail } from '../../lib/api/index.ts';
import {
  formatAccuracy,
  formatCount,
  formatNumber,
  formatReward,
} from '../../lib/charts/format.ts';

/**
 * The architecture's numbers: parameters, FLOPs, residual connections, size cluster, ground
 * truth (its space's: 108-epoch accuracy, or the MNAS reward) and imported proxy scores.
 *
 * @example <ArchitectureFacts architecture={architecture} />
 */
export function ArchitectureFacts(props: { architecture: ArchitectureDetail }) {
  const a = props.architecture;
  const mnas = a.space === 'MNAS';
  return (
    <dl className="facts" data-testid="architecture-facts">
      <dt>Search space</dt>
      <dd data-testid="architecture-space">{mnas ? 'MNAS' : 'NAS-Bench-101'}</dd>
      <dt>Trainable parameters{mnas ? ' (1,000-class head)' : ''}</dt>
      <dd>{formatCount(a.trainableParameters)}</dd>
      <dt>FLOPs per {mnas ? '224×224' : '32×32'} image</dt>
      <dd>{formatNumber(a.flops)}</dd>
      <dt>{mnas ? 'Layers with an identity residual' : 'Residual connections'}</dt>
      <dd>{a.residualConnections}</dd>
      <dt>Size cluster</dt>
      <dd>{a.sizeCluster ? `${a.sizeCluster.id} (${a.sizeCluster.label})` : 'not computed'}</dd>
      {mnas ? (
        <>
          <dt>Ground truth (reward)</dt>
          <dd>{a.groundTruth === null ? 'no measurements' : formatReward(a.groundTruth)}</dd>
        </>
      ) : (
        <>
          <dt>Ground truth (108 epochs)</dt>
          <dd>
            {a.groundTruth === null
              ? 'no 108-epoch training records'
              : formatAccuracy(a.groundTruth)}
          </dd>
        </>
      )}
      {a.proxies.map((proxy) => (
        <FactPair
          key={proxy.name}
          term={proxy.name}
          value={proxy.value === null ? '—' : formatNumber(proxy.value)}
        />
      ))}
    </dl>
  );
}

function FactPair(props: { term: string; value: string }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </>
  );
}
