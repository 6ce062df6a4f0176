import type { Db } from '@nngp-nas/db';
import { cacheKey } from './cache-key.ts';
import { sharedDataVersion } from './data-version.ts';
import { LruCache } from './lru.ts';

/** Results kept per database (a scatter of 20,000 points is about 2 MB). */
export const ANALYSIS_CACHE_ENTRIES = 64;

interface VersionedCache {
  version: number;
  results: LruCache<Promise<unknown>>;
}

// Keyed by the Db object, so each database (each test's scratch one) has its own cache, freed
// with it, and the request context needs no field for it.
const caches = new WeakMap<Db, VersionedCache>();

/**
 * The result of an analysis query, computed once per (field, normalised arguments) while the
 * data does not change: each request reads `data_version` (one tiny query, shared by the fields
 * it starts together) and drops every cached result when it moved. Identical concurrent calls share one computation; a failed one is not
 * kept, so the next call tries again.
 *
 * @example
 * metrics: (_, args, { db }) => cachedAnalysis(db, 'metrics', args, () => predictorMetrics(db, args)),
 */
export async function cachedAnalysis<T>(
  db: Db,
  field: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await sharedDataVersion(db);
  let cache = caches.get(db);
  if (cache === undefined || version > cache.version) {
    cache = { version, results: new LruCache(ANALYSIS_CACHE_ENTRIES) };
    caches.set(db, cache);
  } else if (version < cache.version) {
    // This read raced a newer one: its version is already stale, so neither use nor fill.
    return compute();
  }
  const key = cacheKey(field, args);
  const hit = cache.results.get(key);
  if (hit !== undefined) return hit as Promise<T>;
  const result = compute();
  const { results } = cache;
  results.set(key, result);
  result.catch(() => {
    if (results.peek(key) === result) results.delete(key);
  });
  return result;
}
