import { architectures, type Db, type SearchSpace } from '@nngp-nas/db';
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type {
  ArchitectureOrder,
  ArchitectureOrderField,
  OrderDirection,
} from '../generated/resolvers-types.ts';
import { type PredictorOrdering, predictorOrdering } from './predictor-order.ts';

/** A resolved sort order: always ends with the hash, so every page boundary is unambiguous. */
export interface Ordering {
  field: ArchitectureOrderField;
  direction: OrderDirection;
  /** By a predictor: its values (joined as {@link orderValues}); absent for a column. */
  predictor?: PredictorOrdering;
}

/** The structural fields and their columns; all are NOT NULL. */
export const ORDER_COLUMNS = {
  HASH: architectures.hash,
  TRAINABLE_PARAMETERS: architectures.trainableParameters,
  FLOPS: architectures.flops,
  RESIDUAL_CONNECTIONS: architectures.residualConnections,
} as const;

/** A structural field (a column of `architectures`). */
export type ColumnField = keyof typeof ORDER_COLUMNS;

/**
 * The ordering an `orderBy` argument asks for (hash ascending by default); a predictor's is
 * checked against the database (predictor-order.ts), bad input a BAD_USER_INPUT on
 * `argumentName`.
 *
 * @example await resolveOrdering(db, { field: 'GROUND_TRUTH', direction: 'DESC' })
 */
export async function resolveOrdering(
  db: Db,
  order: ArchitectureOrder | null | undefined,
  argumentName = 'orderBy',
  space: SearchSpace = 'nasbench101',
): Promise<Ordering> {
  const field = order?.field ?? 'HASH';
  const direction = order?.direction ?? 'ASC';
  const predictor = await predictorOrdering(db, order, argumentName, space);
  return predictor === undefined ? { field, direction } : { field, direction, predictor };
}

/**
 * The predictor's values by hash, as a subquery aliased `order_values` (columns `order_hash`,
 * `order_value` as float8), to LEFT JOIN on the architectures' hash; undefined for a column.
 *
 * @example sql`select … from architectures left join ${orderValues(ordering)} on …`
 */
export function orderValues(ordering: Ordering) {
  const source = ordering.predictor?.source;
  if (source === undefined) return undefined;
  // A sql`` chunk, not the builder's subquery: the builder would alias its column by its own name.
  return sql`(select ${source.hash} as order_hash, (${source.value})::float8 as order_value
                from ${source.table} where ${source.where ?? sql`true`}
                ${source.grouped ? sql`group by ${source.hash}` : sql``}) as order_values`;
}

/**
 * The LEFT JOIN of {@link orderValues}, or nothing for a column ordering.
 *
 * @example sql`select hash from architectures ${orderJoin(ordering)} order by …`
 */
export function orderJoin(ordering: Ordering): SQL {
  const values = orderValues(ordering);
  return values === undefined
    ? sql``
    : sql`left join ${values} on order_values.order_hash = ${architectures.hash}`;
}

/** The predictor's value column of the joined {@link orderValues}. */
export const ORDER_VALUE = sql`order_values.order_value`;

/**
 * ORDER BY terms: the field, then the hash as tie-breaker, both in the requested direction; a
 * predictor's missing values last in both directions.
 */
export function orderTerms(ordering: Ordering): SQL[] {
  const by = ordering.direction === 'ASC' ? asc : desc;
  if (ordering.predictor !== undefined)
    return [sql`${ORDER_VALUE} ${sql.raw(ordering.direction)} nulls last`, by(architectures.hash)];
  const column = ORDER_COLUMNS[ordering.field as ColumnField];
  return column === architectures.hash ? [by(column)] : [by(column), by(architectures.hash)];
}

/**
 * The sort key of a row under `ordering`, as stored in its cursor: a predictor's value (null
 * without one) is read as the row's `sortValue`.
 */
export function sortValue(
  ordering: Ordering,
  row: typeof architectures.$inferSelect & { sortValue?: number | null },
): string | number | null {
  if (ordering.predictor !== undefined) return row.sortValue ?? null;
  switch (ordering.field as ColumnField) {
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
