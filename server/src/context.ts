import type { Db } from '@nngp-nas/db';
import { createLoaders, type Loaders } from './loaders/index.ts';

/** What every resolver receives: the database and this request's DataLoaders. */
export interface ApiContext {
  db: Db;
  loaders: Loaders;
}

/**
 * A fresh context per HTTP request: loaders cache per request only, so one request never sees
 * another's stale rows, while fields of one request share a batched query.
 *
 * @example const context = createContext(database.db);
 */
export function createContext(db: Db): ApiContext {
  return { db, loaders: createLoaders(db) };
}
