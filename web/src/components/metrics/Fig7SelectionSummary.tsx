import type { Fig7Selection } from '../../lib/api/index.ts';
import { fig7SelectionLabel } from '../../lib/charts/fig7.ts';
import { formatAccuracy, formatCount } from '../../lib/charts/format.ts';

/**
 * Fig. 7's comparison in numbers: per selection, the mean and best final accuracy of its
 * networks and how many lack a final accuracy (`data-testid="fig7-selection-<NAME>"` per row).
 *
 * @example <Fig7SelectionSummary selections={fig7.selections} k={fig7.k} />
 */
export function Fig7SelectionSummary(props: { selections: Fig7Selection[]; k: number }) {
  return (
    <div className="table-overflow">
      <table className="data-table" data-testid="fig7-selections">
        <thead>
          <tr>
            <th scope="col">Selection</th>
            <th scope="col" className="num">
              Networks
            </th>
            <th scope="col" className="num">
              Mean final accuracy
            </th>
            <th scope="col" className="num">
              Best final accuracy
            </th>
            <th scope="col" className="num">
              Without final accuracy
            </th>
          </tr>
        </thead>
        <tbody>
          {props.selections.map((selection) => (
            <tr
              key={selection.name}
              data-testid={`fig7-selection-${selection.name}`}
              data-selection={selection.name}
            >
              <th scope="row">{fig7SelectionLabel(selection.name, props.k)}</th>
              <td className="num">{formatCount(selection.networks.length)}</td>
              <td className="num" data-value="meanFinal">
                {formatAccuracy(selection.meanFinal)}
              </td>
              <td className="num" data-value="bestFinal">
                {formatAccuracy(selection.bestFinal)}
              </td>
              <td className="num" data-value="missingFinal">
                {formatCount(selection.missingFinal)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
