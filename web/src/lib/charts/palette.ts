import type { PredictorFamily } from '../predictors.ts';

/** Okabe & Ito's colour-blind-safe palette (black last; yellow kept for fills, not thin lines). */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Line colours in order of use; yellow left out because it is faint on white. */
export const SERIES_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
] as const;

/** One colour per predictor family, so NNGP and training read the same on every chart. */
export const FAMILY_COLOURS: Record<PredictorFamily, string> = {
  nngp: OKABE_ITO.blue,
  ntk: OKABE_ITO.bluishGreen,
  training: OKABE_ITO.vermillion,
  'model-size': OKABE_ITO.black,
  proxy: OKABE_ITO.bluishGreen,
  hybrid: OKABE_ITO.reddishPurple,
};

/**
 * The i-th series colour, cycling.
 *
 * @example seriesColour(1) // '#D55E00'
 */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? OKABE_ITO.black;
}

const FAMILY_SEQUENCES: Record<PredictorFamily, readonly string[]> = {
  training: [OKABE_ITO.orange, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.black],
  nngp: [OKABE_ITO.blue, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.black],
  ntk: [OKABE_ITO.bluishGreen, OKABE_ITO.yellow, OKABE_ITO.skyBlue, OKABE_ITO.black],
  hybrid: [OKABE_ITO.reddishPurple, OKABE_ITO.bluishGreen, OKABE_ITO.skyBlue],
  'model-size': [OKABE_ITO.black],
  proxy: [OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.orange, OKABE_ITO.skyBlue],
};

/**
 * A colour per predictor: warm colours for training budgets, blues for NNGP configurations,
 * in order within each family, so the same predictor has the same colour on every chart of a page.
 *
 * @example predictorColours([{ label: '4 epochs', family: 'training' }]).get('4 epochs') // '#E69F00'
 */
export function predictorColours(
  specs: readonly { label: string; family: PredictorFamily }[],
): Map<string, string> {
  const used = new Map<PredictorFamily, number>();
  const colours = new Map<string, string>();
  for (const spec of specs) {
    const index = used.get(spec.family) ?? 0;
    const sequence = FAMILY_SEQUENCES[spec.family];
    colours.set(spec.label, sequence[index % sequence.length] ?? OKABE_ITO.black);
    used.set(spec.family, index + 1);
  }
  return colours;
}
