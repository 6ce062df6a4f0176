import type { Queryable, SearchSpace } from '@nngp-nas/db';
import { clustersFromGaps, DEFAULT_CLUSTER_GAP, type SizeCluster } from '../clusters.ts';

/**
 * Recomputes the default size clusters of one search space from its stored parameter counts
 * (split where consecutive distinct counts are more than `gap` apart) and writes them to
 * `size_clusters` and each of its architectures' `size_cluster`. Rows already right are left
 * untouched; cluster ids count from 0 in each space.
 *
 * @example await refreshSizeClusters(database.pool, DEFAULT_CLUSTER_GAP, 'mnas')
 */
export async function refreshSizeClusters(
  db: Queryable,
  gap: number = DEFAULT_CLUSTER_GAP,
  space: SearchSpace = 'nasbench101',
): Promise<SizeCluster[]> {
  const distinct = await db.query<{ p: number }>(
    'SELECT DISTINCT trainable_parameters AS p FROM architectures WHERE space = $1 ORDER BY 1',
    [space],
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
      WHERE a.space = $4::text AND a.trainable_parameters BETWEEN c.lo AND c.hi
        AND a.size_cluster IS DISTINCT FROM c.id`,
    [ids, mins, maxs, space],
  );
  await db.query(
    `MERGE INTO size_clusters s
     USING (SELECT c.id, c.label, c.lo, c.hi, count(a.hash)::int AS n
              FROM unnest($1::smallint[], $2::text[], $3::bigint[], $4::bigint[]) AS c(id, label, lo, hi)
              LEFT JOIN architectures a ON a.space = $5::text AND a.size_cluster = c.id
             GROUP BY c.id, c.label, c.lo, c.hi) AS c
        ON s.space = $5::text AND s.id = c.id
     WHEN MATCHED AND (s.label, s.min_parameters, s.max_parameters, s.count)
                      IS DISTINCT FROM (c.label, c.lo, c.hi, c.n)
       THEN UPDATE SET label = c.label, min_parameters = c.lo, max_parameters = c.hi, count = c.n
     WHEN NOT MATCHED THEN INSERT (space, id, label, min_parameters, max_parameters, count)
       VALUES ($5::text, c.id, c.label, c.lo, c.hi, c.n)`,
    [ids, clusters.map((c) => c.label), mins, maxs, space],
  );
  await db.query('DELETE FROM size_clusters WHERE space = $2 AND NOT (id = ANY($1::smallint[]))', [
    ids,
    space,
  ]);
  return clusters;
}
