import { architectures } from '@nngp-nas/db';
import { and, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import { isModuleHash } from './hash.ts';
import { ORDER_COLUMNS, type Ordering } from './order.ts';

/** What a cursor holds: the ordering it was made under and the last row's sort key. */
interface CursorState {
  field: Ordering['field'];
  direction: Ordering['direction'];
  value: string | number;
  hash: string;
}

/**
 * An opaque cursor (base64url JSON) for the row with sort key `value` and hash `hash`.
 *
 * @example encodeCursor({ field: 'HASH', direction: 'ASC' }, 'ab12…', 'ab12…')
 */
export function encodeCursor(ordering: Ordering, value: string | number, hash: string): string {
  const state: CursorState = { ...ordering, value, hash };
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
  if (state.field !== ordering.field || state.direction !== ordering.direction) {
    throw badUserInput('cursor was made under another orderBy', 'after');
  }
  return afterKey(ordering, state.value, state.hash);
}

/**
 * The keyset condition "after the row with sort key `value` and hash `hash`" under `ordering`
 * (what a cursor decodes to; the CSV export pages with it directly).
 *
 * @example db.select().from(architectures).where(afterKey(ordering, sortValue(ordering, last), last.hash))
 */
export function afterKey(
  ordering: Ordering,
  value: string | number,
  hash: string,
): SQL | undefined {
  const beyond = ordering.direction === 'ASC' ? gt : lt;
  const column = ORDER_COLUMNS[ordering.field];
  if (column === architectures.hash) return beyond(architectures.hash, hash);
  return or(beyond(column, value), and(eq(column, value), beyond(architectures.hash, hash)));
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
  return (
    typeof s.field === 'string' &&
    Object.hasOwn(ORDER_COLUMNS, s.field) &&
    (s.direction === 'ASC' || s.direction === 'DESC') &&
    isModuleHash(s.hash) &&
    isSortKey(s.field as Ordering['field'], s.value)
  );
}

/** Whether `value` can be a row's sort key under `field`: a hash, or a finite number. */
function isSortKey(field: Ordering['field'], value: unknown): boolean {
  if (field === 'HASH') return isModuleHash(value);
  if (field === 'FLOPS') return typeof value === 'number' && Number.isFinite(value);
  // Integer columns: a fraction or an unsafe integer would fail the comparison in SQL.
  return Number.isSafeInteger(value);
}
