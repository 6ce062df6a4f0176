import type { Db } from '@nngp-nas/db';
import { readDataVersion } from '../cache/data-version.ts';

/**
 * The data version one request works at (cache/data-version.ts): the first value it learns,
 * either carried by a query it ran anyway (a listing page reads it in the page's own statement,
 * so the page and its cached facts agree) or read on demand, once per request.
 */
export class RequestDataVersion {
  #known: number | undefined;
  #reading: Promise<number> | undefined;

  constructor(private readonly db: Db) {}

  /** The version, when this request knows it already (resolvers answer from caches then). */
  get known(): number | undefined {
    return this.#known;
  }

  /**
   * Records a version a query of this request returned; the first one learnt stays.
   *
   * @example version.offer(page.dataVersion)
   */
  offer(version: number): void {
    this.#known ??= version;
  }

  /**
   * The version, read with one tiny query unless this request already knows it.
   *
   * @example const lru = cache.at(await version.read());
   */
  read(): Promise<number> {
    if (this.#known !== undefined) return Promise.resolve(this.#known);
    this.#reading ??= readDataVersion(this.db).then((version) => {
      this.offer(version);
      return this.#known as number;
    });
    return this.#reading;
  }
}
