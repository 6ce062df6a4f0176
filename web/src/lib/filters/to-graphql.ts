import type { ArchitectureFilterInput, IntRangeInput } from '../api/types.ts';
import type { DashboardFilter, Range } from './types.ts';

export type { ArchitectureFilterInput, IntRangeInput };

/**
 * The GraphQL `ArchitectureFilter` for a dashboard filter; unset parts are omitted, and `extra`
 * adds or overrides fields (e.g. one size cluster, hasGroundTruth). The space is always sent, so
 * no request leans on the API's default.
 *
 * @example toArchitectureFilter({ ...EMPTY_FILTER, residual: { min: 0, max: null } }) // { space: 'NASBENCH_101', residualConnections: { min: 0 } }
 */
export function toArchitectureFilter(
  filter: DashboardFilter,
  extra: ArchitectureFilterInput = {},
): ArchitectureFilterInput {
  const input: ArchitectureFilterInput = { space: filter.space };
  if (filter.sizeClusters !== null) input.sizeClusters = filter.sizeClusters;
  if (filter.residual !== null) input.residualConnections = toIntRange(filter.residual);
  if (filter.params !== null) input.trainableParameters = toIntRange(filter.params);
  if (filter.experiment !== null) input.experiment = filter.experiment;
  return { ...input, ...extra };
}

function toIntRange(range: Range): IntRangeInput {
  const input: IntRangeInput = {};
  if (range.min !== null) input.min = range.min;
  if (range.max !== null) input.max = range.max;
  return input;
}
