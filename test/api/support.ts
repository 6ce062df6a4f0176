import path from 'node:path';
import {
  type DatabaseStats,
  importProxyCsv,
  importRecordFile,
  matrixFromText,
  type Operation,
  prepareDatabase,
} from '@nngp-nas/compute/nasbench';
import { runEvaluation } from '@nngp-nas/compute/nngp';
import type { Database, PoolClient } from '@nngp-nas/db';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { type ApiServer, createApiServer } from '@nngp-nas/server';
import { parse } from 'csv-parse/sync';
import {
  FIXTURE,
  SHARED_DATA,
  ZEN_CSV,
  ZERO_COST_CSV,
} from '../../compute/test/support/fixtures.ts';

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
 * (10,302 modules) and the Zen-score proxy CSV are imported first. `apiToken` is the server's
 * NNGP_API_TOKEN (mutations need it); without it the API is read-only.
 *
 * @example const { api, close } = await startTestApi({ fixture: true });
 */
export async function startTestApi(
  options: { fixture?: boolean; apiToken?: string } = {},
): Promise<TestApi> {
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
  countCheckedOutClients(database.pool, queries);
  const api = await withApiToken(options.apiToken, () =>
    createApiServer({ database, port: 0, development: false }),
  );
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

/**
 * Counts the statements of clients checked out with `pool.connect()` (transactions: the
 * analyses read in one) while they are checked out; the pool's own checkouts for `pool.query`
 * (a callback) are counted there already.
 */
function countCheckedOutClients(pool: Database['pool'], queries: { count: number }): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const checkedOut = new WeakSet<PoolClient>();
  const wrapped = new WeakSet<PoolClient>();
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (
    ...args: unknown[]
  ) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<PoolClient>).then((client) => {
      checkedOut.add(client);
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const clientQuery = client.query.bind(client) as (...a: unknown[]) => unknown;
        (client as unknown as { query: (...a: unknown[]) => unknown }).query = (
          ...a: unknown[]
        ) => {
          if (checkedOut.has(client)) queries.count++;
          return clientQuery(...a);
        };
      }
      // The pool gives every checkout a fresh release.
      const release = client.release;
      client.release = (error?: Error | boolean) => {
        checkedOut.delete(client);
        return release(error);
      };
      return client;
    });
  };
}

/** Runs `start` with NNGP_API_TOKEN set to `token` (unset when undefined), then restores it. */
async function withApiToken<T>(token: string | undefined, start: () => Promise<T>): Promise<T> {
  const previous = process.env.NNGP_API_TOKEN;
  if (token === undefined) delete process.env.NNGP_API_TOKEN;
  else process.env.NNGP_API_TOKEN = token;
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.NNGP_API_TOKEN;
    else process.env.NNGP_API_TOKEN = previous;
  }
}

/** A GraphQL response as a notebook sees it. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs a query as plain JSON over HTTP, as `requests.post(url, json=...)` does; `token` is sent
 * as `Authorization: Bearer <token>` (`authorization` sends that header verbatim).
 *
 * @example const { data } = await gql(api.url, '{ sizeClusters { id count } }');
 */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: { token?: string; authorization?: string } = {},
): Promise<GraphQLResponse<T>> {
  const authorization =
    credentials.authorization ??
    (credentials.token === undefined ? undefined : `Bearer ${credentials.token}`);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/**
 * Loads what the full-space tests and the load test need, as `pnpm start` does: all 423,624
 * modules (about 45 s the first time, with the default size clusters), the record fixture and
 * both shared proxy CSVs. Idempotent, so a reused database is ready at once.
 *
 * @example await prepareFullSpace(t.database);
 */
export function prepareFullSpace(database: Database): Promise<DatabaseStats> {
  return prepareDatabase(database, {
    records: [FIXTURE],
    proxies: [ZEN_CSV, ZERO_COST_CSV],
    log: () => {},
  });
}

/**
 * The CSV export's URL on `api` with these query parameters.
 *
 * @example await fetch(exportUrl(t.api, { residual: '1-2' }))
 */
export function exportUrl(api: ApiServer, parameters: Record<string, string> = {}): string {
  const url = new URL('/export/architectures.csv', api.url);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * CSV text as one object per row keyed by the header (values are strings; empty for null).
 *
 * @example parseCsv('hash,flops\nab,12\n') // [{ hash: 'ab', flops: '12' }]
 */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

/** The CIFAR-10 images tiny NNGP experiments of the tests read (in place, never copied). */
export const CIFAR_SUBSET = path.join(SHARED_DATA, 'cifar10/data_batch_1_first4000.bin');

/**
 * A real NNGP experiment, tiny enough to take seconds (20 training and 20 validation images, one
 * initialisation, a stem of 8 channels, one stack of one module), over the stored architectures
 * `hashes`; returns the experiment's id as the API names it.
 *
 * @example const experiment = await runTinyNngpExperiment(t.database, hashes, 'tiny');
 */
export async function runTinyNngpExperiment(
  database: Database,
  hashes: readonly string[],
  name: string,
): Promise<string> {
  const { rows } = await database.pool.query<{
    hash: string;
    matrix: string;
    operations: string[];
  }>(
    'SELECT hash, matrix, operations FROM architectures WHERE hash = ANY($1::text[]) ORDER BY hash',
    [hashes],
  );
  const run = await runEvaluation(database, {
    cells: rows.map((r) => ({
      hash: r.hash,
      matrix: matrixFromText(r.matrix),
      ops: r.operations as Operation[],
    })),
    largest: { nTrain: 20, nVal: 20, ensemble: 1 },
    configs: [],
    seed: 0,
    shape: { stemChannels: 8, stacks: 1, modulesPerStack: 1 },
    dataset: [CIFAR_SUBSET],
    backend: undefined,
    workers: 2,
    experiment: name,
    retention: 'none',
    precision: 'float32',
    bnBatchSize: 32,
    batchSize: 50,
  });
  if (run.failures.length > 0 || run.evaluated !== rows.length)
    throw new Error(`tiny NNGP experiment: ${JSON.stringify(run.failures)}`);
  const { rows: ids } = await database.pool.query<{ id: number }>(
    'SELECT id FROM nngp_experiments WHERE name = $1',
    [name],
  );
  return String(ids[0]?.id);
}
