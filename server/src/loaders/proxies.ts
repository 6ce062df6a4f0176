import type { Db, ProxyScoreRow, Queryable } from '@nngp-nas/db';
import { CachedLoader } from './cached-loader.ts';
import { groupByKey } from './group-by-key.ts';
import { type KeyedStatement, rowsByKeys } from './keyed-statement.ts';
import type { RequestDataVersion } from './request-data-version.ts';
import { versionCachePerDatabase } from './version-cache.ts';

/** Architectures whose proxy scores are kept per database (a few shared CSVs: a few MB). */
export const PROXY_CACHE_ENTRIES = 20_000;

const PROXIES_BY_HASH: KeyedStatement = {
  name: 'proxy_scores_by_hash',
  text: `select proxy, module_hash as "moduleHash", value, source
           from proxy_scores
          where module_hash = any($1::text[])
          order by proxy`,
};

const proxyCache = versionCachePerDatabase<ProxyScoreRow[]>(PROXY_CACHE_ENTRIES);

/**
 * Zero-cost proxy scores by module hash (proxy names ascending), one query per batch of
 * misses, kept across requests while the data version holds.
 *
 * @example await createProxyLoader(db, pool, version).get(hash) // [{ proxy: 'zen_score', value: 93.1, ... }]
 */
export function createProxyLoader(
  db: Db,
  pool: Queryable,
  version: RequestDataVersion,
): CachedLoader<ProxyScoreRow[]> {
  return new CachedLoader(proxyCache(db), version, async (hashes) => {
    const rows = await rowsByKeys<ProxyScoreRow>(pool, PROXIES_BY_HASH, hashes);
    return groupByKey(hashes, rows, (row) => row.moduleHash);
  });
}
