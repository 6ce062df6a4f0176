import type { Queryable } from '@nngp-nas/db';

/** A statement with one parameter, the array of keys (`= any($1)`), so its text never varies. */
export interface KeyedStatement {
  /** The prepared statement's name: each connection parses and plans it once. */
  name: string;
  text: string;
}

/**
 * The rows of `statement` for `keys`, as plain objects shaped by its column aliases. Raw `pg`
 * rather than Drizzle: on a listing's hot path, building the query and mapping each row cost
 * more API CPU than the database took to answer.
 *
 * @example await rowsByKeys<ProxyScoreRow>(pool, PROXIES_BY_HASH, ['28cf…'])
 */
export async function rowsByKeys<R>(
  pool: Queryable,
  statement: KeyedStatement,
  keys: readonly (string | number)[],
): Promise<R[]> {
  const result = await pool.query({ name: statement.name, text: statement.text, values: [keys] });
  return result.rows as R[];
}
