/**
 * `pnpm start`: the API exactly as before (server/src/main.ts with this command's flags: the
 * database up, the data in, the GraphQL API) and, once its /health answers, the dashboard's
 * production build (built first when web/ changed since the last build) on PORT_WEB (default
 * 3000), talking to that API. Ctrl-C (SIGINT) or SIGTERM is forwarded to both; the launcher
 * exits 130 / 143 once both have stopped. `pnpm api` stays API-only.
 *
 * @example PORT_WEB=3100 pnpm start   # dashboard at http://localhost:3100/
 */

import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureWebBuild } from './web/build-web.ts';
import { type NextServer, startNextServer } from './web/next-server.ts';
import { repoRoot } from './web/paths.ts';
import { waitForHttp } from './web/wait-for-http.ts';
import { readWebPort } from './web/web-port.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const API_LINE = /GraphQL API at (\S+)/;

let webPort: number;
try {
  webPort = readWebPort(process.env);
} catch (error) {
  log((error as Error).message);
  process.exit(2);
}

// In a process group of its own, so a terminal's Ctrl-C reaches it once, through us: a second
// SIGINT would make it skip its graceful shutdown.
const api = spawn(
  path.join(repoRoot, 'node_modules/.bin/tsx'),
  ['server/src/main.ts', ...process.argv.slice(2)],
  { cwd: repoRoot, env: process.env, detached: true, stdio: ['ignore', 'inherit', 'pipe'] },
);
const apiExited = new Promise<number>((resolve) =>
  api.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1))),
);
let apiOutput = '';
const apiUrl = new Promise<string>((resolve, reject) => {
  api.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    apiOutput = (apiOutput + chunk.toString()).slice(-4_000);
    const match = API_LINE.exec(apiOutput);
    if (match) resolve(match[1] as string);
  });
  void apiExited.then(() => reject(new Error('the API exited before serving')));
});

const stopping = new AbortController();
let web: NextServer | undefined;
const startup = startDashboard();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    if (api.exitCode === null) api.kill(signal);
    web?.process.signal(signal);
    void stopped().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// The API ending on its own (a failed start) ends the dashboard with it.
void apiExited.then(async (status) => {
  if (stopping.signal.aborted) return;
  stopping.abort();
  await stopped();
  process.exit(status);
});

/** The API's URL, its /health, the build, then next start; on failure everything stops. */
async function startDashboard(): Promise<void> {
  try {
    const url = await apiUrl;
    await waitForHttp(new URL('/health', url).href, {
      ready: (response) => response.ok,
      exited: apiExited,
      what: 'the API',
    });
    stopping.signal.throwIfAborted();
    log('dashboard: checking the production build of web/ …');
    const build = await ensureWebBuild({ log, signal: stopping.signal });
    log(build === 'built' ? 'dashboard: built' : 'dashboard: the build is up to date');
    web = await startNextServer({ port: webPort, apiUrl: url, signal: stopping.signal });
    log(`dashboard at ${web.url} (production build); press Ctrl-C to stop`);
    const server = web.process;
    void server.exited.then((status) => {
      if (stopping.signal.aborted) return;
      log(
        `dashboard: next start exited with status ${status}; stopping the API\n${server.output()}`,
      );
      stopping.abort();
      api.kill('SIGTERM');
      void apiExited.then(() => process.exit(1));
    });
  } catch (error) {
    if (stopping.signal.aborted) return;
    log(`dashboard: ${(error as Error).message}`);
    stopping.abort();
    api.kill('SIGTERM');
    await apiExited;
    process.exit(1);
  }
}

/** Resolves once the API and whatever the dashboard had started have exited. */
async function stopped(): Promise<void> {
  await apiExited;
  await startup;
  await web?.process.exited;
}
