import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArchitectureRow, architectures, type Db } from '@nngp-nas/db';
import { stringify } from 'csv-stringify/sync';
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { afterKey } from '../architectures/cursor.ts';
import {
  ORDER_VALUE,
  type Ordering,
  orderJoin,
  orderTerms,
  resolveOrdering,
  sortValue,
} from '../architectures/order.ts';
import { checkSizeClustersExist } from '../architectures/size-cluster-ids.ts';
import { writeWithBackpressure } from './backpressure.ts';
import { headerOf, loadExportColumns } from './columns.ts';
import { pageRecords } from './page-data.ts';
import { type ExportSelection, parseExportParameters } from './parameters.ts';

/** Where the export is served. */
export const EXPORT_PATH = '/export/architectures.csv';
/** Rows per keyset page: one query per table per page, a few hundred KB of CSV per write. */
export const EXPORT_BATCH_SIZE = 2000;

/**
 * `GET /export/architectures.csv`: every architecture matching the query parameters (see
 * `parseExportParameters`) as CSV, streamed page by page with keyset pagination, each page
 * written only when the client has taken the previous one, and no further query once the client
 * has disconnected. Bad parameters (size clusters that do not exist included) are answered 400
 * `{error, argument, field?}` before any row.
 *
 * @example
 * if (url.pathname === EXPORT_PATH) return exportArchitecturesCsv(db, url.searchParams, req, res);
 */
export async function exportArchitecturesCsv(
  db: Db,
  search: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `${req.method} is not allowed, use GET` }));
    return;
  }
  let selection: ExportSelection;
  let ordering: Ordering;
  try {
    selection = parseExportParameters(db, search);
    ordering = await resolveOrdering(db, selection.order, 'orderBy', selection.space);
    const { space } = selection;
    await checkSizeClustersExist(
      db,
      selection.sizeClusters.filter,
      'filter',
      'sizeClusters',
      space,
    );
    await checkSizeClustersExist(
      db,
      selection.sizeClusters.shorthand,
      'sizeClusters',
      undefined,
      space,
    );
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
    const { argumentName, field } = error.extensions;
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: error.message, argument: argumentName, field }));
    return;
  }
  const columns = await loadExportColumns(db);
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="architectures.csv"',
    'access-control-expose-headers': 'content-disposition',
  });
  if (!(await writeWithBackpressure(res, stringify([headerOf(columns)])))) return;
  // async: a real Promise, so awaiting it twice does not run the query twice as a builder would.
  const page = (after: SQL | undefined) => pageOf(db, selection.where, ordering, after);
  let rows = await page(undefined);
  while (rows.length > 0) {
    const last = rows[rows.length - 1] as (typeof rows)[number];
    // The next page's rows load while this page's related rows are read and written.
    const next =
      rows.length < EXPORT_BATCH_SIZE
        ? Promise.resolve([])
        : page(afterKey(ordering, sortValue(ordering, last), last.hash));
    next.catch(() => {}); // awaited below; only keeps an early return from leaving it unhandled
    const csv = stringify(await pageRecords(db, rows, columns));
    if (!(await writeWithBackpressure(res, csv))) return;
    rows = await next;
  }
  res.end();
}

/**
 * One keyset page of the export: the architectures matching `where` after `after`, in
 * `ordering`. By a column, one query; by a predictor, the page's keys with the predictor's
 * values joined (each row's as `sortValue`), then their rows.
 */
async function pageOf(
  db: Db,
  where: SQL | undefined,
  ordering: Ordering,
  after: SQL | undefined,
): Promise<(ArchitectureRow & { sortValue?: number | null })[]> {
  const condition = and(where, after);
  if (ordering.predictor === undefined)
    return db
      .select()
      .from(architectures)
      .where(condition)
      .orderBy(...orderTerms(ordering))
      .limit(EXPORT_BATCH_SIZE);
  const rows = await db.execute<{ hash: string; sortValue: number | null }>(sql`
    select ${architectures.hash} as hash, ${ORDER_VALUE} as "sortValue"
      from ${architectures} ${orderJoin(ordering)}
     ${condition === undefined ? sql`` : sql`where ${condition}`}
     order by ${sql.join(orderTerms(ordering), sql`, `)}
     limit ${EXPORT_BATCH_SIZE}`);
  const keys = rows.rows;
  if (keys.length === 0) return [];
  const full = await db
    .select()
    .from(architectures)
    .where(
      inArray(
        architectures.hash,
        keys.map((k) => k.hash),
      ),
    );
  const byHash = new Map(full.map((r) => [r.hash, r]));
  return keys.flatMap((k) => {
    const row = byHash.get(k.hash);
    return row === undefined ? [] : [{ ...row, sortValue: k.sortValue }];
  });
}
