import { parseMnasEncoding } from '../../lib/mnas-encoding.ts';
import { EmptyState } from '../figures/EmptyState.tsx';

/** What each skip op builds, for the column's tooltips (compute/src/mnas/choices.ts). */
const SKIP_MEANINGS: Record<string, string> = {
  none: 'no shortcut',
  pool: 'a pooling shortcut',
  id: 'an identity residual',
};

/**
 * An MNAS network's encoding as one row per block (7): conv op, kernel, squeeze-and-excitation
 * ratio, skip op, filters and layers (`data-block`, from 1). An encoding that does not read is
 * shown as text, so a new grammar never hides the network.
 *
 * @example <MnasBlocksTable encoding="sep-k3-se0-none-f16-n1|…" />
 */
export function MnasBlocksTable(props: { encoding: string }) {
  const blocks = parseMnasEncoding(props.encoding);
  if (blocks === null) {
    return (
      <EmptyState>
        The encoding does not read as seven blocks: <code>{props.encoding}</code>
      </EmptyState>
    );
  }
  return (
    <div className="table-overflow">
      <table className="data-table" data-testid="mnas-blocks">
        <thead>
          <tr>
            <th scope="col">Block</th>
            <th scope="col">Conv op</th>
            <th scope="col" className="num">
              Kernel
            </th>
            <th scope="col" className="num">
              SE ratio
            </th>
            <th scope="col">Skip</th>
            <th scope="col" className="num">
              Filters
            </th>
            <th scope="col" className="num">
              Layers
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block, index) => (
            <tr key={index} data-block={index + 1}>
              <td>{index + 1}</td>
              <td>
                <code>{block.op}</code>
              </td>
              <td className="num">
                {block.kernel}×{block.kernel}
              </td>
              <td className="num">{block.seRatio === 0 ? 'none' : block.seRatio}</td>
              <td title={SKIP_MEANINGS[block.skip]}>{block.skip}</td>
              <td className="num">{block.filters}</td>
              <td className="num">{block.layers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        <code>{props.encoding}</code>
      </p>
    </div>
  );
}
