import type { Db } from '@nngp-nas/db';
import { describe, expect, it } from 'vitest';
import { CachedLoader, whenReady } from '../src/loaders/cached-loader.ts';
import { RequestDataVersion } from '../src/loaders/request-data-version.ts';
import { VersionCache, versionCachePerDatabase } from '../src/loaders/version-cache.ts';

/**
 * A request that is told its version before it asks never reads the database, so these run
 * without one: the Db is only an identity here (a database's caches are keyed by it).
 */
const NO_DB = {} as Db;

/** A request at `version`, as a listing page leaves it. */
function requestAt(version: number): RequestDataVersion {
  const request = new RequestDataVersion(NO_DB);
  request.offer(version);
  return request;
}

/** A fetch that records the keys of every batch and answers `value:<key>@<generation>`. */
function recordingFetch(generation: { n: number }) {
  const batches: string[][] = [];
  const fetch = async (keys: readonly string[]) => {
    batches.push([...keys]);
    return keys.map((key) => `value:${key}@${generation.n}`);
  };
  return { batches, fetch };
}

describe('VersionCache', () => {
  it('keeps entries while the version holds and empties itself for a newer one', () => {
    const cache = new VersionCache<string>(10);
    cache.at(3)?.set('a', 'at 3');
    expect(cache.at(3)?.get('a')).toBe('at 3');
    expect(cache.at(4)?.get('a')).toBeUndefined();
    cache.at(4)?.set('a', 'at 4');
    expect(cache.at(4)?.get('a')).toBe('at 4');
  });

  it('neither serves nor takes entries for an older version than it holds', () => {
    const cache = new VersionCache<string>(10);
    cache.at(7)?.set('a', 'at 7');
    expect(cache.at(6)).toBeUndefined();
    expect(cache.at(7)?.get('a')).toBe('at 7');
  });

  it('holds at most its capacity', () => {
    const cache = new VersionCache<number>(2);
    const entries = cache.at(1);
    for (const key of ['a', 'b', 'c']) entries?.set(key, 1);
    expect(entries?.size).toBe(2);
    expect(entries?.get('a')).toBeUndefined();
  });

  it('is one per database', () => {
    const cacheOf = versionCachePerDatabase<string>(10);
    const other = {} as Db;
    cacheOf(NO_DB).at(1)?.set('a', 'mine');
    expect(cacheOf(NO_DB)).toBe(cacheOf(NO_DB));
    expect(cacheOf(other).at(1)?.get('a')).toBeUndefined();
  });
});

describe('CachedLoader', () => {
  it('batches the misses of one tick into one fetch, then answers later requests synchronously', async () => {
    const cache = new VersionCache<string>(100);
    const generation = { n: 1 };
    const { batches, fetch } = recordingFetch(generation);

    const first = new CachedLoader(cache, requestAt(5), fetch);
    const values = await Promise.all(['a', 'b', 'c'].map((key) => first.get(key)));
    expect(values).toEqual(['value:a@1', 'value:b@1', 'value:c@1']);
    expect(batches).toEqual([['a', 'b', 'c']]);

    // Another request at the same version: plain values, no promise, no fetch.
    generation.n = 2;
    const second = new CachedLoader(cache, requestAt(5), fetch);
    expect(second.get('b')).toBe('value:b@1');
    // Only the key it has not seen is fetched.
    expect(await second.get('d')).toBe('value:d@2');
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('fetches again once the data version moved, and a stale request does not refill', async () => {
    const cache = new VersionCache<string>(100);
    const generation = { n: 1 };
    const { batches, fetch } = recordingFetch(generation);
    await new CachedLoader(cache, requestAt(5), fetch).get('a');

    generation.n = 2;
    const newer = new CachedLoader(cache, requestAt(6), fetch);
    expect(newer.get('a')).toBeInstanceOf(Promise);
    expect(await newer.get('a')).toBe('value:a@2');

    // A request that read version 5 before the change fetches for itself, without storing.
    generation.n = 3;
    const stale = new CachedLoader(cache, requestAt(5), fetch);
    expect(await stale.get('b')).toBe('value:b@3');
    expect(new CachedLoader(cache, requestAt(6), fetch).get('a')).toBe('value:a@2');
    expect(await new CachedLoader(cache, requestAt(6), fetch).get('b')).toBe('value:b@3');
    expect(batches).toEqual([['a'], ['a'], ['b'], ['b']]);
  });

  it('does not keep a failed fetch', async () => {
    const cache = new VersionCache<string>(100);
    let fail = true;
    const fetch = async (keys: readonly string[]) => {
      if (fail) throw new Error('database gone');
      return keys.map((key) => `value:${key}`);
    };
    await expect(new CachedLoader(cache, requestAt(1), fetch).get('a')).rejects.toThrow(
      'database gone',
    );
    fail = false;
    expect(await new CachedLoader(cache, requestAt(1), fetch).get('a')).toBe('value:a');
  });
});

describe('whenReady', () => {
  it('maps a plain value at once and a promise once it resolves', async () => {
    expect(whenReady(2, (x) => x * 10)).toBe(20);
    const later = whenReady(Promise.resolve(3), (x) => x * 10);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(30);
  });
});
