import { nextBin, webDir } from './paths.ts';
import { assertPortFree } from './port-free.ts';
import { type ProcessGroup, spawnGroup } from './process-group.ts';
import { waitForHttp } from './wait-for-http.ts';

export interface NextServerOptions {
  port: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  host?: string;
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
 * Serves web/'s production build (which must exist: ensureWebBuild) on `host`:`port` and
 * resolves once it answers HTTP. A port that something else holds is refused up front (that
 * process's answers would otherwise pass for ours).
 *
 * @example
 * const web = await startNextServer({ port: 3000, apiUrl: 'http://localhost:4000/graphql' });
 * await web.stop();
 */
export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const host = options.host ?? '127.0.0.1';
  const url = `http://${shownHost(host)}:${options.port}/`;
  // Polled at the address itself: whether `localhost` resolves to IPv4 first varies.
  const probe = `http://${probeHost(host)}:${options.port}/`;
  await assertPortFree(host, options.port, 'PORT_WEB');
  options.signal?.throwIfAborted();
  const args = [nextBin, 'start', '--hostname', host, '--port', String(options.port)];
  const server = spawnGroup(process.execPath, args, {
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
    await waitForHttp(probe, { exited: server.exited, what: 'next start' });
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  return { url, process: server, stop: () => server.stop() };
}

/** How a user on this machine reaches `host`: IPv4 loopback and the wildcards as localhost. */
function shownHost(host: string): string {
  return ['127.0.0.1', '0.0.0.0', '::'].includes(host) ? 'localhost' : bracketed(host);
}

/** An address that reaches `host` from this machine (a wildcard is reached on loopback). */
function probeHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return bracketed(host);
}

function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
