import { architectures } from '@nngp-nas/db';
import { asc, desc, type SQL } from 'drizzle-orm';
import type {
  ArchitectureOrder,
  ArchitectureOrderField,
  OrderDirection,
} from '../generated/resolvers-types.ts';

/** A resolved sort order: always ends with the hash, so every page boundary is unambiguous. */
export interface Ordering {
  field: ArchitectureOrderField;
  direction: OrderDirection;
}

/** The sortable columns; all are NOT NULL, which keyset pagination relies on. */
export const ORDER_COLUMNS = {
  HASH: architectures.hash,
  TRAINABLE_PARAMETERS: architectures.trainableParameters,
  FLOPS: architectures.flops,
  RESIDUAL_CONNECTIONS: architectures.residualConnections,
} as const;

/**
 * The ordering an `orderBy` argument asks for (hash ascending by default).
 *
 * @example resolveOrdering({ field: 'FLOPS', direction: 'DESC' })
 */
export function resolveOrdering(order: ArchitectureOrder | null | undefined): Ordering {
  return { field: order?.field ?? 'HASH', direction: order?.direction ?? 'ASC' };
}

/** ORDER BY terms: the field, then the hash as tie-breaker, both in the requested direction. */
export function orderTerms(ordering: Ordering): SQL[] {
  const by = ordering.direction === 'ASC' ? asc : desc;
  const column = ORDER_COLUMNS[ordering.field];
  return column === architectures.hash ? [by(column)] : [by(column), by(architectures.hash)];
}

/** The sort key of a row under `ordering`, as stored in its cursor. */
export function sortValue(
  ordering: Ordering,
  row: typeof architectures.$inferSelect,
): string | number {
  switch (ordering.field) {
    case 'HASH':
      return row.hash;
    case 'TRAINABLE_PARAMETERS':
      return row.trainableParameters;
    case 'FLOPS':
      return row.flops;
    case 'RESIDUAL_CONNECTIONS':
      return row.residualConnections;
  }
}
