/**
 * `pnpm api`: serves the GraphQL API over the project database (embedded unless DATABASE_URL is
 * set; the same server `pnpm start` and the CLI use). Ctrl-C stops it.
 */
import { onShutdown, openDatabase } from '@nngp-nas/db';
import { readServerEnv } from './env.ts';
import { createApiServer } from './index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const env = readServerEnv();
const database = await openDatabase({ log });
const api = await createApiServer({
  database,
  port: env.PORT_API,
  development: env.NODE_ENV !== 'production',
});
log(`GraphQL API at ${api.url} (health: ${new URL('/health', api.url)}); press Ctrl-C to stop`);
onShutdown(() => api.stop());
