/**
 * The GraphQL API (Apollo Server, schema first): architectures with their training records,
 * NNGP results and proxy scores, size clusters and experiments, over a database from
 * `@nngp-nas/db`. The package's only front door.
 *
 * @example
 * const database = await openDatabase();
 * const api = await createApiServer({ database, port: 4000 });
 * console.log(`GraphQL at ${api.url}`); // POST { query } there; GET /health
 * // While data steps still run: createApiServer({ database, port, readiness: () => state })
 * await api.stop();
 */

export { typeDefs } from './apollo.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './architectures/list.ts';
export { type ApiServer, type ApiServerOptions, createApiServer } from './create-api-server.ts';
export type { ApiErrorCode } from './errors.ts';
export type { Readiness } from './http/health.ts';
export { MAX_FIELD_NODES, MAX_ROOT_FIELDS } from './limits/document-size.ts';
export { MAX_COMPLEXITY, MAX_DEPTH } from './limits/plugin.ts';
export { MAX_PREDICTORS } from './predictor-metrics/load.ts';
