import { type Db, dataVersion } from '@nngp-nas/db';
import { eq } from 'drizzle-orm';

/**
 * The counter that triggers bump on every change to the data analyses read (migration 0001):
 * results derived at one version stay valid while it holds. One tiny primary-key query.
 *
 * @example if ((await readDataVersion(db)) !== cachedAt) recompute();
 */
export async function readDataVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: dataVersion.version })
    .from(dataVersion)
    .where(eq(dataVersion.id, 1));
  if (row === undefined) throw new Error('data_version has no row: is migration 0001 applied?');
  return row.version;
}
