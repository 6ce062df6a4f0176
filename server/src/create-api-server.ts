import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@nngp-nas/db';
import { createApollo } from './apollo.ts';
import { isDevelopment, readServerEnv } from './env.ts';
import { apiHandler } from './http/handler.ts';
import type { Readiness } from './http/health.ts';

export interface ApiServerOptions {
  /** The open database to serve; the caller keeps ownership (stop() does not close it). */
  database: Database;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on; default `NNGP_API_HOST`, which defaults to 127.0.0.1 (loopback). */
  host?: string;
  /**
   * Development mode: the Sandbox landing page and stack traces in errors; default only when
   * NODE_ENV is 'development'.
   */
  development?: boolean;
  /** Origins whose pages may call the API (CORS); default `NNGP_CORS_ORIGINS`. */
  corsOrigins?: readonly string[];
  /**
   * Where the process stands while the API already answers (its data steps may still run):
   * `/health` reports it. Without it the API is ready as soon as it listens.
   */
  readiness?: () => Readiness;
  /** Where failures' details go; default stderr. */
  log?: (line: string) => void;
}

export interface ApiServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql (also served at /). */
  url: string;
  /** The bound port (useful with port 0). */
  port: number;
  /** The bound interface, e.g. 127.0.0.1. */
  host: string;
  /** Stops accepting requests, lets in-flight ones finish, then closes the listener. */
  stop(): Promise<void>;
}

/**
 * Starts the GraphQL API on `port`: GraphQL at `/graphql` (and `/`), `GET /health`, the CSV
 * export; on loopback and for the dashboard's origin only, unless told otherwise.
 *
 * @example
 * const api = await createApiServer({ database, port: readServerEnv().PORT_API });
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const env = readServerEnv();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const httpServer = http.createServer();
  const apollo = createApollo(httpServer, {
    development: options.development ?? isDevelopment(env),
    log,
  });
  await apollo.start();
  httpServer.on(
    'request',
    apiHandler(apollo, options.database, {
      corsOrigins: options.corsOrigins ?? env.NNGP_CORS_ORIGINS,
      readiness: options.readiness,
      log,
    }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen({ port: options.port, host: options.host ?? env.NNGP_API_HOST }, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const { port, address } = httpServer.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost(address)}:${port}/graphql`,
    port,
    host: address,
    // The drain plugin closes the listener and waits for in-flight requests.
    stop: () => {
      stopping ??= apollo.stop();
      return stopping;
    },
  };
}

/** The host part of a URL that reaches `address`: the wildcard ones are reached on loopback. */
function urlHost(address: string): string {
  if (address === '0.0.0.0' || address === '::') return 'localhost';
  return address.includes(':') ? `[${address}]` : address;
}
