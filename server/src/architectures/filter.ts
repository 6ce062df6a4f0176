import { architectureWhere, parseExperimentId as parseId } from '@nngp-nas/compute/predictors';
import type { Db } from '@nngp-nas/db';
import type { SQL } from 'drizzle-orm';
import type { ArchitectureFilter } from '../generated/resolvers-types.ts';
import { asArgument } from '../predictor-metrics/input-error.ts';

export { MAX_FILTER_OPERATIONS, MAX_FILTER_SIZE_CLUSTERS } from '@nngp-nas/compute/predictors';

/**
 * The SQL condition of an ArchitectureFilter (compute/predictors' `architectureWhere`, the one
 * definition the CLI and the export share), or undefined for no filter. Invalid input is a
 * BAD_USER_INPUT naming `argumentName` and the field.
 *
 * @example db.select().from(architectures).where(architectureCondition(db, { sizeClusters: [0, 2] }));
 */
export function architectureCondition(
  db: Db,
  filter: ArchitectureFilter | null | undefined,
  argumentName = 'filter',
): SQL | undefined {
  return asArgument(argumentName, () => architectureWhere(db, filter, argumentName));
}

/**
 * An experiment ID as the integer key it is stored under; else a BAD_USER_INPUT on
 * `argumentName` (and `field`).
 *
 * @example parseExperimentId('3', 'id') // 3
 */
export function parseExperimentId(id: string, argumentName: string, field?: string): number {
  return asArgument(argumentName, () => parseId(id, field));
}
