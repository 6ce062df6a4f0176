import type { SearchSpace } from '../api/types.ts';

export type { SearchSpace };

/** The search spaces in the order the selector offers them (the default first). */
export const SEARCH_SPACES: readonly SearchSpace[] = ['NASBENCH_101', 'MNAS'];

/** The space when the URL names none. */
export const DEFAULT_SPACE: SearchSpace = 'NASBENCH_101';

/** The URL form of each space (`space=mnas`); lower case, as the other parameters read. */
const URL_VALUES: Record<SearchSpace, string> = { NASBENCH_101: 'nasbench101', MNAS: 'mnas' };

/** Names shown to people. */
const LABELS: Record<SearchSpace, string> = { NASBENCH_101: 'NAS-Bench-101', MNAS: 'MNAS' };

/**
 * The ground truth of each space in words: NAS-Bench-101's is 108-epoch training, MNAS's the
 * reward of the imported measurements (server/src/schema.graphql, `SearchSpace`).
 */
const GROUND_TRUTHS: Record<SearchSpace, { short: string; long: string }> = {
  NASBENCH_101: { short: '108-epoch accuracy', long: '108-epoch validation accuracy' },
  MNAS: { short: 'MNAS reward', long: 'reward (ACC × (LAT / T)^w) of the imported measurements' },
};

/**
 * The URL value of a space.
 *
 * @example spaceUrlValue('MNAS') // 'mnas'
 */
export function spaceUrlValue(space: SearchSpace): string {
  return URL_VALUES[space];
}

/**
 * The space a URL value names; null for an unknown value.
 *
 * @example spaceOfUrlValue('mnas') // 'MNAS'
 */
export function spaceOfUrlValue(value: string): SearchSpace | null {
  return SEARCH_SPACES.find((space) => URL_VALUES[space] === value.toLowerCase()) ?? null;
}

/**
 * The URL values the `space` parameter takes, for messages.
 *
 * @example spaceUrlValues() // 'nasbench101, mnas'
 */
export function spaceUrlValues(): string {
  return SEARCH_SPACES.map(spaceUrlValue).join(', ');
}

/**
 * A space's name for people.
 *
 * @example spaceLabel('NASBENCH_101') // 'NAS-Bench-101'
 */
export function spaceLabel(space: SearchSpace): string {
  return LABELS[space];
}

/**
 * What a space's ground truth is, in a few words (`short`, for labels) or a phrase (`long`).
 *
 * @example groundTruthName('MNAS') // 'MNAS reward'
 */
export function groundTruthName(space: SearchSpace, form: 'short' | 'long' = 'short'): string {
  return GROUND_TRUTHS[space][form];
}
