import Link from 'next/link';
import type { Fig7Selection } from '../../lib/api/index.ts';
import { fig7SelectionLabel } from '../../lib/charts/fig7.ts';
import { formatAccuracy, formatNumber, formatReward } from '../../lib/charts/format.ts';

/**
 * Every network of every Fig. 7 selection (best first; the draw order for the random one), with
 * the numbers it was chosen by and its final accuracy; hashes open the network's page.
 *
 * @example <Fig7NetworksTable selections={fig7.selections} k={fig7.k} />
 */
export function Fig7NetworksTable(props: { selections: Fig7Selection[]; k: number }) {
  return (
    <div className="table-overflow">
      <table className="data-table" data-testid="fig7-networks">
        <thead>
          <tr>
            <th scope="col">Selection</th>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Network</th>
            <th scope="col" className="num">
              NNGP accuracy
            </th>
            <th scope="col" className="num">
              5-epoch accuracy
            </th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col" className="num">
              Reward
            </th>
            <th scope="col" className="num">
              Final accuracy
            </th>
          </tr>
        </thead>
        <tbody>
          {props.selections.flatMap((selection) =>
            selection.networks.map((network, rank) => (
              <tr
                key={`${selection.name}-${network.hash}`}
                data-selection={selection.name}
                data-hash={network.hash}
              >
                <td>{rank === 0 ? fig7SelectionLabel(selection.name, props.k) : ''}</td>
                <td className="num">{rank + 1}</td>
                <td title={network.encoding}>
                  <Link href={`/architectures/${network.hash}`} prefetch={false}>
                    <code>{network.hash}</code>
                  </Link>
                </td>
                <td className="num">{formatAccuracy(network.nngpAccuracy)}</td>
                <td className="num">{formatAccuracy(network.accuracy5Epoch)}</td>
                <td className="num">{formatNumber(network.latencyMs)} ms</td>
                <td className="num">{formatReward(network.reward)}</td>
                <td className="num">{formatAccuracy(network.finalAccuracy)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
