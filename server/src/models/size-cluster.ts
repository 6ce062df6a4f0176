import type { SearchSpace } from '@nngp-nas/db';

/**
 * A size cluster as resolvers see it: a stored default cluster row, or one cut at explicit
 * boundaries (whose top cluster has maxParameters = Infinity).
 */
export interface SizeClusterModel {
  /** The search space whose architectures it groups. */
  space: SearchSpace;
  id: number;
  label: string;
  minParameters: number;
  maxParameters: number;
  count: number;
}
