import { architectures, type Db } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';

/** What the analyses read of an architecture besides its predictors. */
export interface ArchitectureAttributes {
  trainableParameters: number;
  residualConnections: number;
}

/**
 * Attributes of the architectures `hashes` (ones the caller already loaded predictors for):
 * one primary-key lookup per hash with a single array parameter, so an analysis over the
 * few thousand architectures having its predictors never reads all 423,624.
 *
 * @example (await loadAttributes(db, [hash])).get(hash)?.residualConnections // 2
 */
export async function loadAttributes(
  db: Db,
  hashes: readonly string[],
): Promise<Map<string, ArchitectureAttributes>> {
  const rows = await db
    .select({
      hash: architectures.hash,
      trainableParameters: architectures.trainableParameters,
      residualConnections: architectures.residualConnections,
    })
    .from(architectures)
    .where(sql`${architectures.hash} = any(${sql.param(hashes)}::text[])`);
  return new Map(rows.map(({ hash, ...attributes }) => [hash, attributes]));
}
