import { badUserInput, clientValue } from '../errors.ts';
import type { ArchitectureFilter } from '../generated/resolvers-types.ts';

/** GraphQL's Int is 32-bit; a bound beyond it would be refused there too. */
const MAX_INT = 2 ** 31 - 1;

/**
 * The dashboard's URL shorthands, each as the ArchitectureFilter it stands for:
 * `sizeClusters=0,1`, `residual=0-2` (or `residual=2`), `params=1000000-5000000` (either bound
 * may be empty: `params=-5000000`), `experiment=<id>`, `space=nasbench101|mnas`. A malformed
 * value is a BAD_USER_INPUT naming the parameter.
 *
 * @example SHORTHANDS.residual('1-2') // { residualConnections: { min: 1, max: 2 } }
 */
export const SHORTHANDS = {
  sizeClusters: (value: string) => ({ sizeClusters: integerList(value, 'sizeClusters') }),
  residual: (value: string) => ({ residualConnections: integerRange(value, 'residual') }),
  params: (value: string) => ({ trainableParameters: integerRange(value, 'params') }),
  experiment: (value: string) => ({ experiment: value }),
  space: (value: string) => ({ space: searchSpaceParameter(value) }),
} as const satisfies Record<string, (value: string) => ArchitectureFilter>;

export type ShorthandName = keyof typeof SHORTHANDS;

const SPACES = { nasbench101: 'NASBENCH_101', mnas: 'MNAS' } as const;

function searchSpaceParameter(value: string): 'NASBENCH_101' | 'MNAS' {
  const space = SPACES[value.trim() as keyof typeof SPACES];
  if (space === undefined)
    throw badUserInput(
      `space: ${clientValue(value)} is not a search space (expected ${Object.keys(SPACES).join(' or ')})`,
      'space',
    );
  return space;
}

function integerList(value: string, parameter: string): number[] {
  return value.split(',').map((item) => integer(item.trim(), parameter, 'a comma-separated list'));
}

function integerRange(value: string, parameter: string): { min?: number; max?: number } {
  const match = /^(\d*)-(\d*)$/.exec(value.trim());
  if (match === null) {
    const single = integer(value.trim(), parameter, 'MIN-MAX, MIN-, -MAX or one number');
    return { min: single, max: single };
  }
  const [, min = '', max = ''] = match;
  if (min === '' && max === '')
    throw badUserInput(`${parameter}: give at least one bound (MIN-MAX, MIN- or -MAX)`, parameter);
  return {
    ...(min === '' ? {} : { min: integer(min, parameter, 'MIN-MAX') }),
    ...(max === '' ? {} : { max: integer(max, parameter, 'MIN-MAX') }),
  };
}

function integer(text: string, parameter: string, expected: string): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n <= MAX_INT))
    throw badUserInput(
      `${parameter}: ${clientValue(text)} is not a non-negative integer (expected ${expected})`,
      parameter,
    );
  return n;
}
