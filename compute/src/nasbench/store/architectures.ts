import type { NewNasbenchArchitectureRow, Queryable } from '@nngp-nas/db';

/**
 * Inserts architectures in one statement (column arrays through unnest: one round trip and a
 * handful of parameters however many rows). Existing rows are kept; an enumeration index is
 * filled in where a row came from a record import first. Returns the number of rows written.
 */
export async function upsertArchitectures(
  db: Queryable,
  rows: readonly NewNasbenchArchitectureRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO architectures (hash, matrix, operations, vertices, edges, trainable_parameters,
                                flops, residual_connections, enumeration_index)
     SELECT h, m, string_to_array(o, ','), v, e, p, f, r, i
       FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::smallint[],
                   $6::integer[], $7::bigint[], $8::smallint[], $9::integer[])
            AS t(h, m, o, v, e, p, f, r, i)
     ON CONFLICT (hash) DO UPDATE SET enumeration_index = EXCLUDED.enumeration_index
       WHERE EXCLUDED.enumeration_index IS NOT NULL
         AND architectures.enumeration_index IS DISTINCT FROM EXCLUDED.enumeration_index`,
    [
      rows.map((r) => r.hash),
      rows.map((r) => r.matrix),
      rows.map((r) => r.operations.join(',')),
      rows.map((r) => r.vertices),
      rows.map((r) => r.edges),
      rows.map((r) => r.trainableParameters),
      rows.map((r) => r.flops),
      rows.map((r) => r.residualConnections),
      rows.map((r) => r.enumerationIndex ?? null),
    ],
  );
  return result.rowCount ?? 0;
}
