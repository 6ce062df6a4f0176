/**
 * The one way packages read environment variables: each package declares its variables as a zod
 * object schema in its own env module and reads them with `readEnv`. Dependency-free apart from
 * zod, so the dashboard can use it without importing any server-side package.
 */
export { EnvError, type EnvSource, readEnv, unsetIfBlank, unsetIfEmpty } from './read-env.ts';
