import { clustersFromBoundaries } from '@nngp-nas/compute/nasbench';
import { architectures, type Db, type SearchSpace, sizeClusters } from '@nngp-nas/db';
import { asc, count, eq, sql } from 'drizzle-orm';
import { badUserInput } from './errors.ts';
import type { SizeClusterModel } from './models/size-cluster.ts';

/**
 * The stored default clusters of `space`, or its architectures' clusters cut at `boundaries` (a
 * count equal to a boundary belongs to the cluster above it) counted in one grouped query.
 *
 * @example await sizeClustersFor(db, [10e6]) // '< 10.0M' and '≥ 10.0M' with their counts
 */
export async function sizeClustersFor(
  db: Db,
  boundaries: readonly number[] | null | undefined,
  space: SearchSpace = 'nasbench101',
): Promise<SizeClusterModel[]> {
  if (boundaries == null) {
    return db
      .select()
      .from(sizeClusters)
      .where(eq(sizeClusters.space, space))
      .orderBy(asc(sizeClusters.id));
  }
  let clusters: ReturnType<typeof clustersFromBoundaries>;
  try {
    clusters = clustersFromBoundaries(boundaries);
  } catch (error) {
    throw badUserInput((error as Error).message, 'boundaries');
  }
  const sorted = [...boundaries].sort((a, b) => a - b);
  const edges = sql.join(
    sorted.map((b) => sql`${b}`),
    sql`, `,
  );
  // width_bucket gives 0 below the first boundary and i from the i-th on: the cluster id.
  const bucket = sql<number>`width_bucket(${architectures.trainableParameters}::float8, array[${edges}]::float8[])`;
  const rows = await db
    .select({ id: bucket.mapWith(Number), n: count() })
    .from(architectures)
    .where(eq(architectures.space, space))
    // By position: repeating the expression would bind its boundaries a second time.
    .groupBy(sql`1`);
  const counts = new Map(rows.map((r) => [r.id, r.n] as const));
  return clusters.map((c) => ({ ...c, space, count: counts.get(c.id) ?? 0 }));
}
