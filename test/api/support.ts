import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { importProxyCsv, importRecordFile } from '../../compute/src/nasbench/index.ts';
import { FIXTURE, ZEN_CSV } from '../../compute/test/support/fixtures.ts';
import { type ApiServer, createApiServer } from '../../server/src/index.ts';

/** A running API over a scratch database, and a counter of the SQL queries it has run. */
export interface TestApi {
  database: TestDatabase;
  api: ApiServer;
  /** Queries sent through the pool since the last reset. */
  queries: { count: number; reset(): void };
  close(): Promise<void>;
}

/**
 * Starts the API on a free port over a fresh database; with `fixture`, the record fixture
 * (10,302 modules) and the Zen-score proxy CSV are imported first.
 *
 * @example const { api, close } = await startTestApi({ fixture: true });
 */
export async function startTestApi(options: { fixture?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  if (options.fixture) {
    await importRecordFile(database, FIXTURE);
    await importProxyCsv(database, ZEN_CSV);
  }
  // Drizzle calls pool.query for every statement, so wrapping it counts what the API sends.
  const queries = {
    count: 0,
    reset() {
      this.count = 0;
    },
  };
  const query = database.pool.query.bind(database.pool) as (...args: unknown[]) => unknown;
  (database.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (
    ...args: unknown[]
  ) => {
    queries.count++;
    return query(...args);
  };
  const api = await createApiServer({ database, port: 0, development: false });
  return {
    database,
    api,
    queries,
    close: async () => {
      await api.stop();
      await database.close();
    },
  };
}

/** A GraphQL response as a notebook sees it. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs a query as plain JSON over HTTP, as `requests.post(url, json=...)` does.
 *
 * @example const { data } = await gql(api.url, '{ sizeClusters { id count } }');
 */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
