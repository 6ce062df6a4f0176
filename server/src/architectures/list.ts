import { type ArchitectureRow, architectures, type Db, type SearchSpace } from '@nngp-nas/db';
import { and, count, type SQL, sql } from 'drizzle-orm';
import { badUserInput } from '../errors.ts';
import type { ArchitectureOrder } from '../generated/resolvers-types.ts';
import type { RequestDataVersion } from '../loaders/request-data-version.ts';
import type { ArchitectureEdgeModel, ArchitecturePage } from '../models/architecture-page.ts';
import { afterCursor, encodeCursor } from './cursor.ts';
import {
  ORDER_VALUE,
  type Ordering,
  orderJoin,
  orderTerms,
  resolveOrdering,
  sortValue,
} from './order.ts';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `first` accepted: bounds one response and the loaders' IN lists. */
export const MAX_PAGE_SIZE = 500;

export interface ListArguments {
  where: SQL | undefined;
  /** The search space listed (NAS-Bench-101 unless given): ordering by ground truth reads its own. */
  space?: SearchSpace;
  orderBy?: ArchitectureOrder | null;
  first?: number | null;
  after?: string | null;
  /** Told the data version the page was read at (the request's cached facts use it). */
  dataVersion?: RequestDataVersion;
  /**
   * Disjoint conditions whose union is `where`, each of which an index yields in hash order
   * (hash-ordered-parts.ts): a page in hash order then merges the first rows of each.
   */
  parts?: (SQL | undefined)[] | undefined;
}

/**
 * An architecture row's columns under its property names, as raw SQL: the page is read with
 * one plain statement, not Drizzle's select builder and row mapper (a listing's API CPU went
 * to building queries and mapping rows more than to the database). Bigints fit float8.
 */
const ROW_COLUMNS = sql.raw(
  `hash, space, encoding, matrix, operations, vertices, edges,
   trainable_parameters as "trainableParameters", flops::float8 as flops,
   residual_connections as "residualConnections", size_cluster as "sizeCluster",
   enumeration_index as "enumerationIndex"`,
);
/** The data version, read in the page's own statement so both come from one snapshot. */
const DATA_VERSION = sql.raw(
  `(select version::float8 from data_version where id = 1) as "dataVersion"`,
);
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
  const ordering = await resolveOrdering(db, args.orderBy, 'orderBy', args.space);
  const after = args.after == null ? undefined : afterCursor(ordering, args.after);
  // The page's keys first, then its rows: the keys can come from an index alone (for the
  // dashboard's cluster and residual filter, architectures_cluster_residual_hash_idx: a merge of
  // one ordered index range per part reads about 100 entries, where the whole filter's range
  // is 6,507 entries to sort, and walking the primary key 3,000 heap rows to filter).
  // By a predictor, its values are joined (compute/predictors' definition) and sorted with the
  // filtered rows: a sort of every matching row, where a column ordering reads an index.
  const order = sql.join(orderTerms(ordering), sql`, `);
  const join = orderJoin(ordering);
  const keysWhere = (condition: SQL | undefined) => {
    const both = and(condition, after);
    return sql`select ${architectures.hash} from ${architectures} ${join}
                ${both === undefined ? sql`` : sql`where ${both}`}
                order by ${order} limit ${first + 1}`;
  };
  const keys =
    args.parts !== undefined && args.parts.length > 0 && ordering.field === 'HASH'
      ? sql`select hash from (${sql.join(
          args.parts.map((part) => sql`(${keysWhere(part)})`),
          sql` union all `,
        )}) as part_keys order by hash ${sql.raw(ordering.direction)} limit ${first + 1}`
      : keysWhere(args.where);
  const rows =
    first === 0
      ? []
      : (
          await db.execute<
            ArchitectureRow & { dataVersion: number; sortValue?: number | null }
          >(sql`
            select ${ROW_COLUMNS}, ${DATA_VERSION}${
              ordering.predictor === undefined ? sql`` : sql`, ${ORDER_VALUE} as "sortValue"`
            }
              from ${architectures} ${join}
             where ${architectures.hash} in (${keys})
             order by ${order}`)
        ).rows;
  const version = rows[0]?.dataVersion;
  if (version !== undefined) args.dataVersion?.offer(version);
  const page = rows.length > first ? rows.slice(0, first) : rows;
  return {
    edges: page.map((node) => new ArchitectureEdge(ordering, node)),
    hasNextPage: rows.length > first,
    where: args.where,
  };
}

/** An edge whose cursor is encoded only when asked for (a page usually wants only the last). */
class ArchitectureEdge implements ArchitectureEdgeModel {
  constructor(
    private readonly ordering: Ordering,
    readonly node: ArchitectureRow & { sortValue?: number | null },
  ) {}

  get cursor(): string {
    return encodeCursor(this.ordering, sortValue(this.ordering, this.node), this.node.hash);
  }
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
