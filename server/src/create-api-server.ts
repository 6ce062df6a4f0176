import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@nngp-nas/db';
import { createApollo } from './apollo.ts';
import { readServerEnv } from './env.ts';
import { apiHandler } from './http/handler.ts';

export interface ApiServerOptions {
  /** The open database to serve; the caller keeps ownership (stop() does not close it). */
  database: Database;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on; default all interfaces. */
  host?: string;
  /** Apollo Sandbox landing page; default unless NODE_ENV is 'production'. */
  development?: boolean;
}

export interface ApiServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql (also served at /). */
  url: string;
  /** The bound port (useful with port 0). */
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, then closes the listener. */
  stop(): Promise<void>;
}

/**
 * Starts the GraphQL API on `port`: GraphQL at `/graphql` (and `/`), `GET /health`.
 *
 * @example
 * const api = await createApiServer({ database, port: Number(process.env.PORT_API ?? 4000) });
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const httpServer = http.createServer();
  const apollo = createApollo(httpServer, {
    development: options.development ?? readServerEnv().NODE_ENV !== 'production',
  });
  await apollo.start();
  httpServer.on('request', apiHandler(apollo, options.database));
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen({ port: options.port, host: options.host }, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    // The drain plugin closes the listener and waits for in-flight requests.
    stop: () => {
      stopping ??= apollo.stop();
      return stopping;
    },
  };
}
