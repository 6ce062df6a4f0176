import { architectures } from '@nngp-nas/db';
import { and, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import { isModuleHash } from './hash.ts';
import { type ColumnField, ORDER_COLUMNS, ORDER_VALUE, type Ordering } from './order.ts';

/** What a cursor holds: the ordering it was made under and the last row's sort key. */
interface CursorState {
  field: Ordering['field'];
  direction: Ordering['direction'];
  /** The predictor ordered by (its key), if any. */
  predictor?: string;
  value: string | number | null;
  hash: string;
}

/**
 * An opaque cursor (base64url JSON) for the row with sort key `value` and hash `hash`.
 *
 * @example encodeCursor({ field: 'HASH', direction: 'ASC' }, 'ab12…', 'ab12…')
 */
export function encodeCursor(
  ordering: Ordering,
  value: string | number | null,
  hash: string,
): string {
  const state: CursorState = {
    field: ordering.field,
    direction: ordering.direction,
    ...(ordering.predictor === undefined ? {} : { predictor: ordering.predictor.key }),
    value,
    hash,
  };
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * The keyset condition "after this cursor" under `ordering`. A cursor that does not decode, holds
 * a sort key of the wrong type for its field (which would otherwise reach SQL), or was made under
 * another ordering, is a BAD_USER_INPUT on `after`.
 *
 * @example db.select().from(architectures).where(afterCursor(ordering, args.after))
 */
export function afterCursor(ordering: Ordering, cursor: string): SQL | undefined {
  const state = decodeCursor(cursor);
  if (
    state.field !== ordering.field ||
    state.direction !== ordering.direction ||
    state.predictor !== ordering.predictor?.key
  ) {
    throw badUserInput('cursor was made under another orderBy', 'after');
  }
  return afterKey(ordering, state.value, state.hash);
}

/**
 * The keyset condition "after the row with sort key `value` and hash `hash`" under `ordering`
 * (what a cursor decodes to; the CSV export pages with it directly). By a predictor, rows
 * without a value (null) come after every row with one, in both directions.
 *
 * @example db.select().from(architectures).where(afterKey(ordering, sortValue(ordering, last), last.hash))
 */
export function afterKey(
  ordering: Ordering,
  value: string | number | null,
  hash: string,
): SQL | undefined {
  const beyond = ordering.direction === 'ASC' ? gt : lt;
  const afterHash = beyond(architectures.hash, hash);
  if (ordering.predictor !== undefined) {
    if (value === null) return and(sql`${ORDER_VALUE} is null`, afterHash);
    const v = sql`${value}::float8`;
    const op = sql.raw(ordering.direction === 'ASC' ? '>' : '<');
    return or(
      sql`${ORDER_VALUE} ${op} ${v}`,
      and(sql`${ORDER_VALUE} = ${v}`, afterHash),
      sql`${ORDER_VALUE} is null`,
    );
  }
  const column = ORDER_COLUMNS[ordering.field as ColumnField];
  if (column === architectures.hash) return afterHash;
  if (value === null) throw new Error('a column ordering has no null sort key');
  return or(beyond(column, value), and(eq(column, value), afterHash));
}

function decodeCursor(cursor: string): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('after is not a cursor from this API', 'after');
  }
  if (!isCursorState(state)) throw badUserInput('after is not a cursor from this API', 'after');
  return state;
}

function isCursorState(x: unknown): x is CursorState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  const predictor = s.predictor !== undefined;
  return (
    typeof s.field === 'string' &&
    (predictor ? typeof s.predictor === 'string' : Object.hasOwn(ORDER_COLUMNS, s.field)) &&
    (s.direction === 'ASC' || s.direction === 'DESC') &&
    isModuleHash(s.hash) &&
    (predictor
      ? s.value === null || (typeof s.value === 'number' && Number.isFinite(s.value))
      : isSortKey(s.field as ColumnField, s.value))
  );
}

/** Whether `value` can be a row's sort key under `field`: a hash, or a finite number. */
function isSortKey(field: ColumnField, value: unknown): boolean {
  if (field === 'HASH') return isModuleHash(value);
  if (field === 'FLOPS') return typeof value === 'number' && Number.isFinite(value);
  // Integer columns: a fraction or an unsafe integer would fail the comparison in SQL.
  return Number.isSafeInteger(value);
}
