import type { Fig7Interval, Fig7Selection, Fig7SelectionName } from '../api/types.ts';
import { formatStatistic } from './format.ts';
import { OKABE_ITO } from './palette.ts';

/** The selections in the paper's order (and the API's), each with its label and colour. */
export const FIG7_SELECTIONS: readonly {
  name: Fig7SelectionName;
  label: (k: number) => string;
  colour: string;
}[] = [
  { name: 'NNGP', label: (k) => `Top ${k} by NNGP`, colour: OKABE_ITO.blue },
  {
    name: 'ACCURACY_5',
    label: (k) => `Top ${k} by 5-epoch accuracy`,
    colour: OKABE_ITO.vermillion,
  },
  { name: 'REWARD', label: (k) => `Top ${k} by reward`, colour: OKABE_ITO.bluishGreen },
  { name: 'RANDOM', label: (k) => `${k} random`, colour: OKABE_ITO.black },
];

/**
 * A selection's label, e.g. 'Top 10 by NNGP'.
 *
 * @example fig7SelectionLabel('RANDOM', 10) // '10 random'
 */
export function fig7SelectionLabel(name: Fig7SelectionName, k: number): string {
  return FIG7_SELECTIONS.find((s) => s.name === name)?.label(k) ?? name;
}

/** One network's final accuracy in the strip chart: column `x` (jittered), accuracy `y`. */
export interface StripPoint {
  hash: string;
  x: number;
  y: number;
  selection: string;
  rank: number;
}

/** One column of the strip chart. */
export interface StripColumn {
  name: Fig7SelectionName;
  label: string;
  colour: string;
  /** Column position on the x axis (0, 1, 2, 3). */
  index: number;
  points: StripPoint[];
  meanFinal: number | null;
}

/** Half the width the points of a column spread over, in column units. */
const SPREAD = 0.28;

/**
 * The strip chart of paper Fig. 7: one column per selection (in the API's order), a point per
 * network with a final accuracy, spread sideways by rank (deterministic, so the chart does not
 * move between renders) so equal accuracies stay visible. Networks without a final accuracy are
 * left out (the summary counts them).
 *
 * @example toFig7Strip(fig7.selections, 10)[0]?.points[0] // { hash, x: -0.28, y: 0.75, selection: 'Top 10 by NNGP', rank: 1 }
 */
export function toFig7Strip(selections: readonly Fig7Selection[], k: number): StripColumn[] {
  return selections.map((selection, index) => {
    const colour =
      FIG7_SELECTIONS.find((s) => s.name === selection.name)?.colour ?? OKABE_ITO.black;
    const label = fig7SelectionLabel(selection.name, k);
    const count = selection.networks.length;
    const points = selection.networks.flatMap((network, rank) =>
      network.finalAccuracy === null
        ? []
        : [
            {
              hash: network.hash,
              x: index + (count <= 1 ? 0 : -SPREAD + (2 * SPREAD * rank) / (count - 1)),
              y: network.finalAccuracy,
              selection: label,
              rank: rank + 1,
            },
          ],
    );
    return { name: selection.name, label, colour, index, points, meanFinal: selection.meanFinal };
  });
}

/**
 * A statistic with its interval, e.g. `0.412 [0.301, 0.519]`; a dash when undefined.
 *
 * @example formatWithInterval(0.412, { low: 0.301, high: 0.519 }) // '0.412 [0.301, 0.519]'
 */
export function formatWithInterval(value: number | null, interval: Fig7Interval | null): string {
  if (value === null) return '—';
  if (interval === null) return formatStatistic(value);
  return `${formatStatistic(value)} [${formatStatistic(interval.low)}, ${formatStatistic(interval.high)}]`;
}
