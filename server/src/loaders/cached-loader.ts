import DataLoader from 'dataloader';
import type { RequestDataVersion } from './request-data-version.ts';
import type { VersionCache } from './version-cache.ts';

/**
 * Values per key that are derived from the data and kept across requests while its version
 * holds: `get` answers synchronously from `cache` once the request knows its version (a
 * listing learns it with its page, so a warm page of 50 resolves without one promise per
 * field), and otherwise batches the keys into one `fetch` per tick, like a DataLoader, storing
 * what it fetched at the request's version.
 *
 * @example
 * const means = new CachedLoader(meansCache(db), version, (hashes) => fetchMeans(hashes));
 * means.get(row.hash) // TrainingMeanModel[] or a promise of it
 */
export class CachedLoader<V> {
  readonly #loader: DataLoader<string, V>;

  constructor(
    private readonly cache: VersionCache<V>,
    private readonly version: RequestDataVersion,
    fetch: (keys: readonly string[]) => Promise<V[]>,
  ) {
    this.#loader = new DataLoader(async (keys) => {
      const entries = this.cache.at(await this.version.read());
      const values: (V | undefined)[] = keys.map((key) => entries?.get(key));
      const missing = keys.filter((_, i) => values[i] === undefined);
      if (missing.length > 0) {
        const fetched = await fetch(missing);
        let next = 0;
        for (let i = 0; i < keys.length; i++) {
          if (values[i] !== undefined) continue;
          const value = fetched[next++] as V;
          values[i] = value;
          entries?.set(keys[i] as string, value);
        }
      }
      return values as V[];
    });
  }

  /**
   * The value of `key`: itself when cached at the request's known version, else a promise.
   *
   * @example const means = await loader.get(hash);
   */
  get(key: string): V | Promise<V> {
    const version = this.version.known;
    if (version !== undefined) {
      const hit = this.cache.at(version)?.get(key);
      if (hit !== undefined) return hit;
    }
    return this.#loader.load(key);
  }
}

/**
 * `map` applied to `value` now, or once it resolves when it is a promise: keeps a cache hit
 * synchronous (graphql-js completes a plain value without scheduling anything).
 *
 * @example whenReady(loaders.trainingMeans.get(hash), groundTruthOf)
 */
export function whenReady<T, R>(value: T | Promise<T>, map: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(map) : map(value);
}
