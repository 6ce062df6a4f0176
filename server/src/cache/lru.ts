import { LRUCache } from 'lru-cache';

/** How an LruCache is bounded: by entry count, or by the estimated bytes of its entries. */
export type LruBound = number | { maxBytes: number };

/**
 * A least-recently-used map over `lru-cache`, bounded by entry count (`new LruCache(64)`) or by
 * bytes (`new LruCache({ maxBytes })`, each entry's size given to `set` or estimated with
 * `estimateBytes`). An entry larger than the whole byte budget is not kept at all.
 *
 * @example
 * const lru = new LruCache<number>(2);
 * lru.set('a', 1); lru.set('b', 2); lru.get('a'); lru.set('c', 3); // drops 'b'
 * const bytes = new LruCache<string>({ maxBytes: 1024 });
 * bytes.set('k', 'x'.repeat(600)); // 1,200 bytes > 1,024: not kept
 */
// lru-cache holds no undefined or null values; neither is ever cached here (undefined means a miss).
export class LruCache<V> {
  readonly #lru: LRUCache<string, NonNullable<V>>;

  constructor(bound: LruBound) {
    const limit = typeof bound === 'number' ? bound : bound.maxBytes;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`an LruCache bound must be a positive integer, got ${limit}`);
    this.#lru =
      typeof bound === 'number'
        ? new LRUCache<string, NonNullable<V>>({ max: bound })
        : new LRUCache<string, NonNullable<V>>({
            maxSize: bound.maxBytes,
            sizeCalculation: estimateBytes,
          });
  }

  /** Entries held now. */
  get size(): number {
    return this.#lru.size;
  }

  /** Estimated bytes held now (0 for a count-bounded cache). */
  get bytes(): number {
    return this.#lru.calculatedSize;
  }

  /** The value of `key`, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    return this.#lru.get(key);
  }

  /** The value of `key` without touching its recency. */
  peek(key: string): V | undefined {
    return this.#lru.peek(key);
  }

  /**
   * Stores `value` as the most recently used entry, evicting the least recently used ones beyond
   * the bound. `bytes` overrides the estimate in a byte-bounded cache (e.g. a pending promise's
   * size once it resolves); ignored when bounded by count.
   */
  set(key: string, value: V, bytes?: number): void {
    if (bytes === undefined || this.#lru.maxSize === 0) {
      this.#lru.set(key, value as NonNullable<V>);
      return;
    }
    // lru-cache keeps the old size when the same value is set again: re-add it to re-measure.
    this.#lru.delete(key);
    this.#lru.set(key, value as NonNullable<V>, { size: Math.max(1, Math.ceil(bytes)) });
  }

  delete(key: string): void {
    this.#lru.delete(key);
  }
}

/**
 * A rough size in bytes of a value held in memory: its JSON text at two bytes per character
 * (JavaScript strings are UTF-16), at least 1. Values JSON cannot write (a pending promise, a
 * cycle) count as 1 KiB; callers that learn the real size later pass it to `set`.
 *
 * @example estimateBytes({ a: 1 }) // 14
 */
export function estimateBytes(value: unknown): number {
  if (value instanceof Promise) return PENDING_BYTES;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 1 : Math.max(1, json.length * 2);
  } catch {
    return PENDING_BYTES;
  }
}

const PENDING_BYTES = 1024;
