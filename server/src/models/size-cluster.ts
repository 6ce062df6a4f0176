/**
 * A size cluster as resolvers see it: a stored default cluster row, or one cut at explicit
 * boundaries (whose top cluster has maxParameters = Infinity).
 */
export interface SizeClusterModel {
  id: number;
  label: string;
  minParameters: number;
  maxParameters: number;
  count: number;
}
