import { architectures, type Db } from '@nngp-nas/db';
import { and, count, type SQL } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { ArchitectureOrder } from '../generated/resolvers-types.ts';
import type { ArchitecturePage } from '../models/architecture-page.ts';
import { afterCursor, encodeCursor } from './cursor.ts';
import { orderTerms, resolveOrdering, sortValue } from './order.ts';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `first` accepted: bounds one response and the loaders' IN lists. */
export const MAX_PAGE_SIZE = 500;

export interface ListArguments {
  where: SQL | undefined;
  orderBy?: ArchitectureOrder | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One keyset page of architectures matching `where`: fetches one row beyond the page to learn
 * whether another page follows, so no count is needed unless totalCount is selected.
 *
 * @example const page = await listArchitectures(db, { where, first: 100 });
 */
export async function listArchitectures(db: Db, args: ListArguments): Promise<ArchitecturePage> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`, 'first');
  }
  const ordering = resolveOrdering(args.orderBy);
  const after = args.after == null ? undefined : afterCursor(ordering, args.after);
  const rows =
    first === 0
      ? []
      : await db
          .select()
          .from(architectures)
          .where(and(args.where, after))
          .orderBy(...orderTerms(ordering))
          .limit(first + 1);
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({
      cursor: encodeCursor(ordering, sortValue(ordering, node), node.hash),
      node,
    })),
    hasNextPage: rows.length > first,
    where: args.where,
  };
}

/**
 * How many architectures match `where` (all pages).
 *
 * @example await countArchitectures(db, undefined) // every stored architecture
 */
export async function countArchitectures(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(architectures).where(where);
  return row?.n ?? 0;
}
