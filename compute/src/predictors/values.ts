import { type Db, proxyScores, trainingRecords } from '@nngp-nas/db';
import { type SQL, sql } from 'drizzle-orm';
import { PredictorInputError } from './errors.ts';

/**
 * Predictor values by hash; NaN and ±Infinity (a failed computation) count as missing.
 *
 * @example toMap([{ hash: 'a', value: 0.9 }, { hash: 'b', value: null }]) // Map { 'a' => 0.9 }
 */
export function toMap(rows: { hash: string; value: number | null }[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const r of rows)
    if (r.value !== null && Number.isFinite(r.value)) values.set(r.hash, r.value);
  return values;
}

/**
 * Refuses a predictor that has no value anywhere (not just outside the filter): a typo, not an
 * empty filter.
 *
 * @example await requireAny(db, 'proxy', eq(proxyScores.proxy, 'zen'), 'proxy', 'no imported proxy "zen"')
 */
export async function requireAny(
  db: Db,
  table: 'training' | 'proxy',
  condition: SQL | undefined,
  field: string,
  message: string,
): Promise<void> {
  const source = table === 'training' ? trainingRecords : proxyScores;
  const [any] = await db.select({ one: sql<number>`1` }).from(source).where(condition).limit(1);
  if (any === undefined) throw new PredictorInputError(message, field);
}
