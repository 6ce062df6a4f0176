import { nextBin, webDir } from './paths.ts';
import { type ProcessGroup, spawnGroup } from './process-group.ts';
import { waitForHttp } from './wait-for-http.ts';

export interface NextServerOptions {
  port: number;
  /** The GraphQL endpoint the dashboard's server side talks to (NNGP_API_URL). */
  apiUrl: string;
  /** Receives next start's output line by line. */
  log?: (line: string) => void;
  /** Aborting while it starts stops it, and the start rejects. */
  signal?: AbortSignal;
}

/** A running `next start` of web/'s production build. */
export interface NextServer {
  /** The dashboard's root, e.g. http://localhost:3000/. */
  url: string;
  process: ProcessGroup;
  /** Stops it (its whole process group); resolves with its exit status. */
  stop(): Promise<number>;
}

/**
 * Serves web/'s production build (which must exist: ensureWebBuild) on `port` and resolves
 * once it answers HTTP.
 *
 * @example
 * const web = await startNextServer({ port: 3000, apiUrl: 'http://localhost:4000/graphql' });
 * await web.stop();
 */
export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const url = `http://localhost:${options.port}/`;
  const server = spawnGroup(process.execPath, [nextBin, 'start', '--port', String(options.port)], {
    cwd: webDir,
    env: {
      ...process.env,
      NNGP_API_URL: options.apiUrl,
      PORT_WEB: String(options.port),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    onLine: options.log,
  });
  const abort = () => void server.stop();
  options.signal?.addEventListener('abort', abort);
  try {
    options.signal?.throwIfAborted();
    await waitForHttp(url, { exited: server.exited, what: 'next start' });
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  return { url, process: server, stop: () => server.stop() };
}
