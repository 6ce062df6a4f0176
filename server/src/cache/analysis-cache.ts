import type { Db } from '@nngp-nas/db';
import { readServerEnv } from '../env.ts';
import { cacheKey } from './cache-key.ts';
import { sharedDataVersion } from './data-version.ts';
import { estimateBytes, LruCache } from './lru.ts';

interface VersionedCache {
  version: number;
  results: LruCache<Promise<unknown>>;
}

// Keyed by the Db object, so each database (each test's scratch one) has its own cache, freed
// with it, and the request context needs no field for it.
const caches = new WeakMap<Db, VersionedCache>();

/**
 * The byte budget of each database's analysis cache (NNGP_ANALYSIS_CACHE_MB, default 256 MiB):
 * read once, on first use, so a bad value fails the first analysis with the variable's name.
 */
let budgetBytes: number | undefined;
function cacheBudgetBytes(): number {
  budgetBytes ??= readServerEnv().NNGP_ANALYSIS_CACHE_MB * 1024 * 1024;
  return budgetBytes;
}

/**
 * The result of an analysis query, computed once per (field, normalised arguments) while the
 * data does not change: each request reads `data_version` (one tiny query, shared by the fields
 * it starts together) and drops every cached result when it moved. Identical concurrent calls
 * share one computation; a failed one is not kept, so the next call tries again. Results are
 * kept within a byte budget (`options.maxBytes`, default NNGP_ANALYSIS_CACHE_MB): a pending
 * computation counts 1 KiB, a finished one its estimated size, and one larger than the whole
 * budget is dropped once it resolves (its callers still get it).
 *
 * @example
 * metrics: (_, args, { db }) => cachedAnalysis(db, 'metrics', args, () => predictorMetrics(db, args)),
 */
export async function cachedAnalysis<T>(
  db: Db,
  field: string,
  args: unknown,
  compute: () => Promise<T>,
  options: { maxBytes?: number } = {},
): Promise<T> {
  const version = await sharedDataVersion(db);
  let cache = caches.get(db);
  if (cache === undefined || version > cache.version) {
    const maxBytes = options.maxBytes ?? cacheBudgetBytes();
    cache = { version, results: new LruCache({ maxBytes }) };
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
  result.then(
    // Now the size is known; re-setting the same entry charges it (or drops it when too big).
    (value) => {
      if (results.peek(key) === result) results.set(key, result, estimateBytes(value));
    },
    () => {
      if (results.peek(key) === result) results.delete(key);
    },
  );
  return result;
}

/**
 * Bytes and entries the analysis cache of `db` holds now (for tests and diagnostics).
 *
 * @example analysisCacheUsage(db) // { entries: 3, bytes: 120_000 }
 */
export function analysisCacheUsage(db: Db): { entries: number; bytes: number } {
  const cache = caches.get(db);
  return { entries: cache?.results.size ?? 0, bytes: cache?.results.bytes ?? 0 };
}
