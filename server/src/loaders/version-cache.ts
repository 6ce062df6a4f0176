import type { Db } from '@nngp-nas/db';
import { LruCache } from '../cache/lru.ts';

/**
 * A bounded LRU of values derived from the data at one data version: a request at a newer
 * version empties it and takes it over; a request at an older one (it read the version before
 * a change that another request has seen since) neither uses nor fills it.
 *
 * @example
 * const means = new VersionCache<TrainingMeanModel[]>(20_000);
 * means.at(version)?.get(hash);
 */
export class VersionCache<V> {
  #version = Number.NEGATIVE_INFINITY;
  #entries: LruCache<V>;

  constructor(readonly capacity: number) {
    this.#entries = new LruCache(capacity);
  }

  /**
   * The entries valid at `version`; undefined when the cache already holds a newer version.
   *
   * @example cache.at(await requestVersion.read())?.set(hash, value)
   */
  at(version: number): LruCache<V> | undefined {
    if (version > this.#version) {
      this.#version = version;
      this.#entries = new LruCache(this.capacity);
    }
    return version === this.#version ? this.#entries : undefined;
  }
}

/**
 * One VersionCache per database (each test's scratch database has its own, freed with it),
 * created on first use: the caches outlive requests, which only borrow them.
 *
 * @example const meansCache = versionCachePerDatabase<TrainingMeanModel[]>(20_000); meansCache(db).at(v)
 */
export function versionCachePerDatabase<V>(capacity: number): (db: Db) => VersionCache<V> {
  const caches = new WeakMap<Db, VersionCache<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (cache === undefined) {
      cache = new VersionCache(capacity);
      caches.set(db, cache);
    }
    return cache;
  };
}
