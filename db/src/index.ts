// The package's only front door: everything not exported here is private.
export type { Database, Db } from './database.ts';
export { type Env, readEnv } from './env.ts';
export {
  DatabaseError,
  DataDirError,
  EmbeddedServerError,
  EnvError,
  MigrationError,
} from './errors.ts';
export { type OpenDatabaseOptions, openDatabase } from './open-database.ts';
export type { PoolClient, Queryable } from './queryable.ts';
export { redactUrl } from './redact-url.ts';
export * from './schema/index.ts';
export { onShutdown, type ShutdownHook } from './shutdown.ts';
