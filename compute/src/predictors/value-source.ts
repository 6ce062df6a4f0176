import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * Where a predictor's values are stored and how one architecture's value is read from them: the
 * one definition that the predictor's loader (ground-truth.ts, training.ts, nngp.ts, proxy.ts)
 * and the API's ordering by a predictor (server/src/architectures/predictor-order.ts) both use.
 * `value` is an aggregate over the rows of one hash when `grouped`, a column otherwise.
 *
 * @example
 * const s = proxySource('zen_score');
 * db.select({ hash: s.hash, value: s.value }).from(s.table).where(s.where);
 */
export interface ValueSource {
  table: PgTable;
  /** The module-hash column of `table`. */
  hash: AnyPgColumn;
  value: SQL;
  where: SQL | undefined;
  /** Whether `value` aggregates several rows per hash (GROUP BY `hash`). */
  grouped: boolean;
}
