import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Database } from '@nngp-nas/db';
import { type ApiContext, createContext } from '../context.ts';
import { readServerEnv } from '../env.ts';
import { EXPORT_PATH, exportArchitecturesCsv } from '../export/architectures-csv.ts';
import { oversizedDocument } from '../limits/document-size.ts';
import { applyCors } from './cors.ts';
import { health, type Readiness } from './health.ts';
import { sendJson } from './send-json.ts';

/** Largest request body read (a query plus variables; lists of hashes fit comfortably). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Where GraphQL is served: the root (as Apollo's standalone server does) and /graphql. */
const GRAPHQL_PATHS = new Set(['/', '/graphql']);

/** The fields of a GraphQL POST body the handler looks at before Apollo does. */
interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
}

/** What the handler needs besides Apollo and the database. */
export interface ApiHandlerOptions {
  /** Origins whose pages may read the answers (CORS); `*` in it lets any origin in. */
  corsOrigins: readonly string[];
  /** Where the process stands; without it the API counts as ready. */
  readiness?: (() => Readiness) | undefined;
  /** Where failures' details go (never to the client). */
  log: (line: string) => void;
}

/**
 * The node:http request handler: `GET /health` (readiness, then the database), the CSV export
 * (`GET /export/architectures.csv`), GraphQL on `/` and `/graphql` (POST JSON; GET for the
 * landing page), CORS for `corsOrigins` only. An unexpected failure is answered 500 in words;
 * its detail (which may carry SQL or paths) goes to `log`.
 *
 * @example http.createServer(apiHandler(apollo, database, { corsOrigins: ['http://localhost:3000'], log }))
 */
export function apiHandler(
  apollo: ApolloServer<ApiContext>,
  database: Database,
  options: ApiHandlerOptions,
) {
  // Read once: the token a server was started with is the one its mutations require.
  const apiToken = readServerEnv().NNGP_API_TOKEN;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (applyCors(req, res, options.corsOrigins)) return;
      if (url.pathname === '/health') {
        return await health(database, options.readiness, res, options.log);
      }
      if (url.pathname === EXPORT_PATH) {
        return await exportArchitecturesCsv(database.db, url.searchParams, req, res);
      }
      if (!GRAPHQL_PATHS.has(url.pathname)) return sendJson(res, 404, { error: 'not found' });

      const body = await readJsonBody(req);
      if (body === INVALID_JSON) {
        return sendJson(res, 400, { error: 'request body is not valid JSON' });
      }
      if (body === TOO_LARGE) return sendJson(res, 413, { error: 'request body is too large' });
      const request = (typeof body === 'object' && body !== null ? body : {}) as GraphQLBody;
      const refusal = oversizedDocument(
        request.query ?? url.searchParams.get('query'),
        request.operationName ?? url.searchParams.get('operationName'),
      );
      if (refusal !== undefined) {
        const { http: _status, ...extensions } = refusal.extensions;
        return sendJson(res, 400, { errors: [{ message: refusal.message, extensions }] });
      }

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
      options.log(
        `${req.method} ${url.pathname} failed: ${(error as Error).stack ?? String(error)}`,
      );
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: `${failedWhat(url.pathname)} failed on the server` });
    }
  };
}

/** The request in words, for a 500 body that must not carry the failure's own message. */
function failedWhat(pathname: string): string {
  if (pathname === EXPORT_PATH) return 'the CSV export';
  if (pathname === '/health') return 'the health check';
  return 'the request';
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
