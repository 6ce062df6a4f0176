import { matrixFromText } from '@nngp-nas/compute/nasbench';
import type { Database } from '@nngp-nas/db';

export interface ShowcaseArchitecture {
  hash: string;
  matrix: number[][];
  operations: string[];
}

/**
 * The architecture the tests and screenshots open at /architectures/[hash]: among `hashes`
 * (the experiment's, so it has NNGP results beside its training), the one with most vertices,
 * so that its cell graph has the most to draw.
 *
 * @example const { hash } = await showcaseArchitecture(database, data.experimentHashes);
 */
export async function showcaseArchitecture(
  database: Database,
  hashes: string[],
): Promise<ShowcaseArchitecture> {
  const { rows } = await database.pool.query<{
    hash: string;
    matrix: string;
    operations: string[];
  }>(
    `SELECT hash, matrix, operations FROM architectures WHERE hash = ANY($1::text[])
      ORDER BY cardinality(operations) DESC, hash LIMIT 1`,
    [hashes],
  );
  const row = rows[0];
  if (!row) throw new Error('none of the given architectures is stored');
  return { hash: row.hash, matrix: matrixFromText(row.matrix), operations: row.operations };
}
