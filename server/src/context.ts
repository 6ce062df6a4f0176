import type { Database, Db } from '@nngp-nas/db';
import { type Authorisation, authorise } from './auth/authorise.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';

/** What every resolver receives: the database, this request's DataLoaders and its authorisation. */
export interface ApiContext {
  db: Db;
  /** The open database (its pool): mutations store through compute and the job queue. */
  database: Database;
  loaders: Loaders;
  /** Whether this request carried the API token (mutations require it; queries do not). */
  auth: Authorisation;
}

/** What the HTTP layer knows about the request's credentials. */
export interface RequestCredentials {
  /** The request's Authorization header, if any. */
  authorization?: string | undefined;
  /** The server's token (`NNGP_API_TOKEN`); undefined: the API is read-only. */
  apiToken?: string | undefined;
}

/**
 * A fresh context per HTTP request: loaders cache per request only, so one request never sees
 * another's stale rows, while fields of one request share a batched query.
 *
 * @example const context = createContext(database, { authorization: req.headers.authorization, apiToken });
 */
export function createContext(
  database: Database,
  credentials: RequestCredentials = {},
): ApiContext {
  return {
    db: database.db,
    database,
    loaders: createLoaders(database),
    auth: authorise(credentials.authorization, credentials.apiToken),
  };
}
