import type { SearchSpace as StoredSpace } from '@nngp-nas/db';
import type { SearchSpace } from '../generated/resolvers-types.ts';

/**
 * The API's name of a stored search space.
 *
 * @example searchSpaceName('mnas') // 'MNAS'
 */
export function searchSpaceName(space: StoredSpace): SearchSpace {
  return space === 'mnas' ? 'MNAS' : 'NASBENCH_101';
}
