import type { ArchitectureOrderField, OrderDirection } from './api/types.ts';

/** The table's sort, from the `sort` and `direction` URL parameters. */
export interface TableOrder {
  field: ArchitectureOrderField;
  direction: OrderDirection;
}

export const ORDER_FIELDS: readonly ArchitectureOrderField[] = [
  'HASH',
  'TRAINABLE_PARAMETERS',
  'FLOPS',
  'RESIDUAL_CONNECTIONS',
];

/**
 * Reads the sort from URL parameters; unknown values fall back to hash ascending.
 *
 * @example parseTableOrder({ sort: 'FLOPS', direction: 'DESC' }) // { field: 'FLOPS', direction: 'DESC' }
 */
export function parseTableOrder(params: Record<string, string | string[] | undefined>): TableOrder {
  const sort = typeof params.sort === 'string' ? params.sort : '';
  const direction = params.direction === 'DESC' ? 'DESC' : 'ASC';
  const field = (ORDER_FIELDS as readonly string[]).includes(sort)
    ? (sort as ArchitectureOrderField)
    : 'HASH';
  return { field, direction };
}

/**
 * The order after clicking a column: the same column flips direction, another starts
 * descending for numbers (largest first) and ascending for the hash.
 *
 * @example nextOrder({ field: 'FLOPS', direction: 'DESC' }, 'FLOPS') // { field: 'FLOPS', direction: 'ASC' }
 */
export function nextOrder(current: TableOrder, field: ArchitectureOrderField): TableOrder {
  if (current.field === field) {
    return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  }
  return { field, direction: field === 'HASH' ? 'ASC' : 'DESC' };
}
