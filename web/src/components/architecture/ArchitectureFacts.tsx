import type { ArchitectureDetail } from '../../lib/api/index.ts';
import { formatAccuracy, formatCount, formatNumber } from '../../lib/charts/format.ts';

/**
 * The architecture's numbers: parameters, FLOPs, residual connections, size cluster, ground
 * truth and imported proxy scores.
 *
 * @example <ArchitectureFacts architecture={architecture} />
 */
export function ArchitectureFacts(props: { architecture: ArchitectureDetail }) {
  const a = props.architecture;
  return (
    <dl className="facts" data-testid="architecture-facts">
      <dt>Trainable parameters</dt>
      <dd>{formatCount(a.trainableParameters)}</dd>
      <dt>FLOPs per 32×32 image</dt>
      <dd>{formatNumber(a.flops)}</dd>
      <dt>Residual connections</dt>
      <dd>{a.residualConnections}</dd>
      <dt>Size cluster</dt>
      <dd>{a.sizeCluster ? `${a.sizeCluster.id} (${a.sizeCluster.label})` : 'not computed'}</dd>
      <dt>Ground truth (108 epochs)</dt>
      <dd>
        {a.groundTruth === null ? 'no 108-epoch training records' : formatAccuracy(a.groundTruth)}
      </dd>
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
