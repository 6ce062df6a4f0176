/**
 * `pnpm start`: the database up (embedded unless DATABASE_URL is set), the search space, records
 * and proxy scores in (idempotent), then the GraphQL API. `--no-prepare` (`pnpm api`) skips the
 * data steps. Ctrl-C stops it; the embedded server stops when its last user exits.
 */

import { prepareDatabase } from '@nngp-nas/compute/nasbench';
import { onShutdown, openDatabase } from '@nngp-nas/db';
import { readServerEnv } from './env.ts';
import { createApiServer } from './index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const env = readServerEnv();
const database = await openDatabase({ log });
try {
  if (!process.argv.includes('--no-prepare')) await prepareDatabase(database, { log });
} catch (error) {
  await database.close();
  throw error;
}
const api = await createApiServer({
  database,
  port: env.PORT_API,
  development: env.NODE_ENV !== 'production',
});
log(`GraphQL API at ${api.url} (health: ${new URL('/health', api.url)}); press Ctrl-C to stop`);
onShutdown(() => api.stop());
