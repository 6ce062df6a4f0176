import type { Queryable } from '@nngp-nas/db';
import { clustersFromGaps, DEFAULT_CLUSTER_GAP, type SizeCluster } from '../clusters.ts';

/**
 * Recomputes the default size clusters from the stored parameter counts (split where consecutive
 * distinct counts are more than `gap` apart) and writes them to `size_clusters` and each
 * architecture's `size_cluster`. Rows already right are left untouched.
 */
export async function refreshSizeClusters(
  db: Queryable,
  gap: number = DEFAULT_CLUSTER_GAP,
): Promise<SizeCluster[]> {
  const distinct = await db.query<{ p: number }>(
    'SELECT DISTINCT trainable_parameters AS p FROM architectures ORDER BY 1',
  );
  const clusters = clustersFromGaps(
    distinct.rows.map((r) => r.p),
    gap,
  );
  const ids = clusters.map((c) => c.id);
  const mins = clusters.map((c) => c.minParameters);
  const maxs = clusters.map((c) => c.maxParameters);
  await db.query(
    `UPDATE architectures a SET size_cluster = c.id
       FROM unnest($1::smallint[], $2::bigint[], $3::bigint[]) AS c(id, lo, hi)
      WHERE a.trainable_parameters BETWEEN c.lo AND c.hi
        AND a.size_cluster IS DISTINCT FROM c.id`,
    [ids, mins, maxs],
  );
  await db.query(
    `MERGE INTO size_clusters s
     USING (SELECT c.id, c.label, c.lo, c.hi, count(a.hash)::int AS n
              FROM unnest($1::smallint[], $2::text[], $3::bigint[], $4::bigint[]) AS c(id, label, lo, hi)
              LEFT JOIN architectures a ON a.size_cluster = c.id
             GROUP BY c.id, c.label, c.lo, c.hi) AS c
        ON s.id = c.id
     WHEN MATCHED AND (s.label, s.min_parameters, s.max_parameters, s.count)
                      IS DISTINCT FROM (c.label, c.lo, c.hi, c.n)
       THEN UPDATE SET label = c.label, min_parameters = c.lo, max_parameters = c.hi, count = c.n
     WHEN NOT MATCHED THEN INSERT (id, label, min_parameters, max_parameters, count)
       VALUES (c.id, c.label, c.lo, c.hi, c.n)`,
    [ids, clusters.map((c) => c.label), mins, maxs],
  );
  await db.query('DELETE FROM size_clusters WHERE NOT (id = ANY($1::smallint[]))', [ids]);
  return clusters;
}
