/**
 * `pnpm start`: the API (server/src/main.ts with this command's flags), which serves at once and
 * then brings the data in (its /health says how far), and beside it the dashboard: web/'s
 * production build (built while the data steps run when web/ changed since the last build),
 * served by next start on NNGP_WEB_HOST (default 127.0.0.1) : PORT_WEB (default 3000) as soon as
 * the API's URL is known.
 *
 * Nothing outlives the launcher: every child runs under a tether (scripts/web/tether.ts) that
 * stops it when our pipe to it closes, which happens however we end, SIGKILL included. The API
 * ending on its own (a crash, a kill) stops the dashboard and the launcher with a non-zero
 * status; so does the dashboard failing. SIGINT or SIGTERM stops both (a second one stops
 * waiting) and exits 130 / 143. `pnpm api` stays API-only.
 *
 * @example PORT_WEB=3100 pnpm start   # dashboard at http://localhost:3100/
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { type LauncherEnv, readLauncherEnv } from './env.ts';
import { ensureWebBuild } from './web/build-web.ts';
import { heartbeat } from './web/heartbeat.ts';
import { type NextServer, startNextServer } from './web/next-server.ts';
import { repoRoot, tsxLoader } from './web/paths.ts';
import { assertPortFree } from './web/port-free.ts';
import { spawnGroup } from './web/process-group.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const API_LINE = /GraphQL API at (\S+)/;
/** The API's shutdown may wait for an in-flight query and the embedded server's stop. */
const API_GRACE_MS = 15_000;
/** Past this, a stop that still waits (e.g. for another process's build lock) is cut short. */
const STOP_TIMEOUT_MS = 25_000;

let env: LauncherEnv;
let webPort: number;
let webHost: string;
try {
  env = readLauncherEnv();
  webPort = env.PORT_WEB;
  webHost = env.NNGP_WEB_HOST;
  // Before anything starts: a port taken now would fail next start only after the data steps.
  await assertPortFree(webHost, webPort, 'PORT_WEB');
} catch (error) {
  log(`dashboard: ${(error as Error).message}`);
  process.exit(2);
}

const stopping = new AbortController();
let announceUrl: (url: string) => void = () => {};
const api = spawnGroup(
  process.execPath,
  ['--import', tsxLoader, 'server/src/main.ts', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    // Production unless asked otherwise: besides the API's own error masking, graphql-js skips
    // a development-only check on every type test (about 5% of the API's CPU).
    env: { ...process.env, NODE_ENV: env.NODE_ENV },
    onLine: (line) => {
      log(line);
      const match = API_LINE.exec(line);
      if (match) announceUrl(match[1] as string);
    },
  },
);
const apiUrl = new Promise<string>((resolve, reject) => {
  announceUrl = resolve;
  void api.exited.then(() => reject(new Error('the API exited before serving')));
});
// Awaited only once the build is done: an API that fails sooner must not crash us meanwhile.
apiUrl.catch(() => {});
let web: NextServer | undefined;
const dashboard = startDashboard();

// The API ending on its own (it failed to start, crashed, or was killed) ends everything.
void api.exited.then((status) => {
  if (stopping.signal.aborted) return;
  log(`the API exited with status ${status}; stopping the dashboard`);
  void stop(status === 0 ? 1 : status);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  const code = signal === 'SIGINT' ? 130 : 143;
  process.on(signal, () => {
    // A second Ctrl-C: stop waiting. The tethers still stop whatever runs, as we exit.
    if (stopping.signal.aborted) process.exit(code);
    void stop(code);
  });
}

/** Builds web/ (if needed) while the API starts, then serves it once the API's URL is known. */
async function startDashboard(): Promise<void> {
  try {
    log('dashboard: checking the production build of web/ (the data steps run meanwhile)');
    const alive = heartbeat(5_000, (s) => log(`dashboard: still building web/ (${s} s so far)`));
    const build = await ensureWebBuild({
      log: (line) => {
        alive.touch();
        if (line.trim() !== '') log(`dashboard build: ${line}`);
      },
      signal: stopping.signal,
    }).finally(() => alive.stop());
    log(build === 'built' ? 'dashboard: built' : 'dashboard: the build is up to date');
    web = await startNextServer({
      host: webHost,
      port: webPort,
      apiUrl: await apiUrl,
      signal: stopping.signal,
    });
    log(`dashboard at ${web.url} (production build); press Ctrl-C to stop`);
    const server = web.process;
    void server.exited.then((status) => {
      if (stopping.signal.aborted) return;
      log(
        `dashboard: next start exited with status ${status}; stopping the API\n${server.output()}`,
      );
      void stop(1);
    });
  } catch (error) {
    if (stopping.signal.aborted) return;
    log(`dashboard: ${(error as Error).message}`);
    void stop(1);
  }
}

/** Stops the API and the dashboard (whatever of it runs), then exits with `code`. */
async function stop(code: number): Promise<void> {
  if (stopping.signal.aborted) return;
  // Aborting stops a running build and a next start that is coming up.
  stopping.abort(new Error('stopping'));
  const everything = Promise.allSettled([
    api.stop(API_GRACE_MS),
    dashboard.then(() => web?.stop()),
  ]);
  await Promise.race([everything, sleep(STOP_TIMEOUT_MS)]);
  api.kill();
  web?.process.kill();
  process.exit(code);
}
