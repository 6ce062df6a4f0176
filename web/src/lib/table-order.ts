import type { ArchitectureOrder, ArchitectureOrderField, OrderDirection } from './api/types.ts';

/**
 * The table's sort, from the `sort` and `direction` URL parameters. `sort` is a column key: a
 * structural field or `GROUND_TRUTH`, `TRAINING:<epochs>` (repeat 0), `PROXY:<name>`, or
 * `NNGP:<experiment>:<nTrain>/<nVal>/<ensemble>`; `orderBy` is what the API is asked for.
 */
export interface TableOrder {
  /** The column sorted by, as in the URL. */
  key: string;
  field: ArchitectureOrderField;
  direction: OrderDirection;
  orderBy: ArchitectureOrder;
}

/** The structural columns' keys (the API field itself). */
export const ORDER_FIELDS: readonly ArchitectureOrderField[] = [
  'HASH',
  'TRAINABLE_PARAMETERS',
  'FLOPS',
  'RESIDUAL_CONNECTIONS',
];

const HASH_ASC: TableOrder = {
  key: 'HASH',
  field: 'HASH',
  direction: 'ASC',
  orderBy: { field: 'HASH', direction: 'ASC' },
};

/**
 * The API order a column key names (without direction); null for a key that names none.
 *
 * @example orderOfKey('NNGP:3:1000/500/8') // { field: 'NNGP', experiment: '3', nTrain: 1000, nVal: 500, ensemble: 8 }
 */
export function orderOfKey(key: string): Omit<ArchitectureOrder, 'direction'> | null {
  if ((ORDER_FIELDS as readonly string[]).includes(key) || key === 'GROUND_TRUTH')
    return { field: key as ArchitectureOrderField };
  const training = /^TRAINING:(\d{1,3})$/.exec(key);
  if (training) return { field: 'TRAINING', epochs: Number(training[1]), repeat: 0 };
  const proxy = /^PROXY:([\w.-]{1,64})$/.exec(key);
  if (proxy) return { field: 'PROXY', proxy: proxy[1] };
  const nngp = /^NNGP:(\d{1,9}):(\d{1,9})\/(\d{1,9})\/(\d{1,9})$/.exec(key);
  if (nngp)
    return {
      field: 'NNGP',
      experiment: nngp[1],
      nTrain: Number(nngp[2]),
      nVal: Number(nngp[3]),
      ensemble: Number(nngp[4]),
    };
  return null;
}

/**
 * The column key of an NNGP configuration of an experiment.
 *
 * @example nngpKey('3', { nTrain: 1000, nVal: 500, ensemble: 8 }) // 'NNGP:3:1000/500/8'
 */
export function nngpKey(
  experiment: string,
  c: { nTrain: number; nVal: number; ensemble: number },
): string {
  return `NNGP:${experiment}:${c.nTrain}/${c.nVal}/${c.ensemble}`;
}

/**
 * Reads the sort from URL parameters; unknown values fall back to hash ascending.
 *
 * @example parseTableOrder({ sort: 'TRAINING:12', direction: 'DESC' }).orderBy // { field: 'TRAINING', epochs: 12, repeat: 0, direction: 'DESC' }
 */
export function parseTableOrder(params: Record<string, string | string[] | undefined>): TableOrder {
  const sort = typeof params.sort === 'string' ? params.sort : '';
  const direction = params.direction === 'DESC' ? 'DESC' : 'ASC';
  const order = orderOfKey(sort);
  if (order === null) return { ...HASH_ASC, direction, orderBy: { field: 'HASH', direction } };
  const field = order.field ?? 'HASH';
  return { key: sort, field, direction, orderBy: { ...order, direction } };
}

/**
 * The order after clicking a column: the same column flips direction, another starts
 * descending for numbers (largest first) and ascending for the hash.
 *
 * @example nextOrder(parseTableOrder({ sort: 'FLOPS', direction: 'DESC' }), 'FLOPS').direction // 'ASC'
 */
export function nextOrder(current: TableOrder, key: string): TableOrder {
  const direction =
    current.key === key
      ? current.direction === 'ASC'
        ? 'DESC'
        : 'ASC'
      : key === 'HASH'
        ? 'ASC'
        : 'DESC';
  return parseTableOrder({ sort: key, direction });
}
