import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Database } from '@nngp-nas/db';
import { sql } from 'drizzle-orm';
import { type ApiContext, createContext } from '../context.ts';
import { readServerEnv } from '../env.ts';
import { EXPORT_PATH, exportArchitecturesCsv } from '../export/architectures-csv.ts';

/** Largest request body read (a query plus variables; lists of hashes fit comfortably). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Where GraphQL is served: the root (as Apollo's standalone server does) and /graphql. */
const GRAPHQL_PATHS = new Set(['/', '/graphql']);

/**
 * The node:http request handler: `GET /health` (database reachable), the CSV export
 * (`GET /export/architectures.csv`), GraphQL on `/` and `/graphql` (POST JSON; GET for the
 * landing page), permissive CORS for the dashboard (the API uses no cookies, so any origin may
 * read it).
 *
 * @example http.createServer(apiHandler(apollo, database))
 */
export function apiHandler(apollo: ApolloServer<ApiContext>, database: Database) {
  // Read once: the token a server was started with is the one its mutations require.
  const apiToken = readServerEnv().NNGP_API_TOKEN;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight',
          'access-control-max-age': '86400',
        });
        res.end();
        return;
      }
      if (url.pathname === '/health') return await health(database, res);
      if (url.pathname === EXPORT_PATH) {
        return await exportArchitecturesCsv(database.db, url.searchParams, req, res);
      }
      if (!GRAPHQL_PATHS.has(url.pathname)) return send(res, 404, { error: 'not found' });

      const body = await readJsonBody(req);
      if (body === INVALID_JSON) return send(res, 400, { error: 'request body is not valid JSON' });
      if (body === TOO_LARGE) return send(res, 413, { error: 'request body is too large' });

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: url.search,
          body,
        },
        context: async () =>
          createContext(database, { authorization: req.headers.authorization, apiToken }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (!res.headersSent) send(res, 500, { error: (error as Error).message });
      else res.destroy(error as Error);
    }
  };
}

async function health(database: Database, res: ServerResponse): Promise<void> {
  try {
    await database.db.execute(sql`select 1`);
    send(res, 200, { status: 'ok' });
  } catch (error) {
    send(res, 503, { status: 'unavailable', error: (error as Error).message });
  }
}

const INVALID_JSON = Symbol('invalid JSON');
const TOO_LARGE = Symbol('too large');

/** The parsed JSON body; undefined when there is none (GET), which Apollo handles itself. */
async function readJsonBody(
  req: IncomingMessage,
): Promise<unknown | typeof INVALID_JSON | typeof TOO_LARGE> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return TOO_LARGE;
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
