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

// The read in flight for the analysis fields started in the current synchronous run, per database.
const inFlight = new WeakMap<Db, Promise<number>>();

/**
 * `readDataVersion`, shared by every caller in the same synchronous run: the analysis fields
 * of one request start together (graphql-js calls their resolvers in one loop), so a request
 * with 1,000 aliases sends one query instead of queueing 1,000 ahead of everyone's. Separate
 * requests never run in one synchronous pass, so each still reads the version itself.
 *
 * @example const version = await sharedDataVersion(db);
 */
export function sharedDataVersion(db: Db): Promise<number> {
  const shared = inFlight.get(db);
  if (shared !== undefined) return shared;
  const read = readDataVersion(db);
  inFlight.set(db, read);
  queueMicrotask(() => inFlight.delete(db));
  return read;
}
