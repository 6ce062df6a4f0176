import { pollUntil } from '../../../db/test/support/poll.ts';
import { assertPortFree } from '../../../scripts/web/port-free.ts';
import { type ServiceProcess, spawnService } from '../../jobs/support/worker-process.ts';
import { descendants, type ProcessInfo, stillRunning } from './process-tree.ts';

/** Where a test's `pnpm start` runs: its data directory and the ports it was given. */
export interface LauncherSetup {
  dataDir: string;
  apiPort: number;
  webPort: number;
}

/**
 * `pnpm start` (the launcher, scripts/start.ts, in one process as package.json runs it) on the
 * embedded database of `dataDir`, with the API and the dashboard on the given ports.
 *
 * @example const launcher = startLauncher({ dataDir, apiPort, webPort });
 */
export function startLauncher(setup: LauncherSetup): ServiceProcess {
  return spawnService('scripts/start.ts', [], {
    NNGP_DATA_DIR: setup.dataDir,
    DATABASE_URL: '',
    PORT_API: String(setup.apiPort),
    PORT_WEB: String(setup.webPort),
  });
}

/** What the API's /health answered, and how long it took. */
export interface HealthAnswer {
  status: number;
  body: { status: string; step?: string; done?: number; total?: number; error?: string };
  ms: number;
}

/**
 * One GET /health of the API on `port`.
 *
 * @example const { body } = await health(4000); // { status: 'preparing', step: 'search space', … }
 */
export async function health(port: number): Promise<HealthAnswer> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as HealthAnswer['body'];
  return { status: response.status, body, ms: performance.now() - started };
}

/**
 * Polls /health until its answer's body is as `wanted` says (e.g. status 'ok' once the data
 * steps are done) and returns that answer.
 *
 * @example await healthUntil(apiPort, (b) => b.status === 'ok', 900_000);
 */
export function healthUntil(
  port: number,
  wanted: (body: HealthAnswer['body']) => boolean,
  timeoutMs: number,
): Promise<HealthAnswer> {
  return pollUntil(
    async () => {
      const answer = await health(port);
      return wanted(answer.body) ? answer : undefined;
    },
    timeoutMs,
    250,
  );
}

/**
 * Every process of the launcher's stack (API, tethers, next build / next start and their
 * workers, tsx's esbuild services), taken from /proc while it runs.
 *
 * @example const stack = launcherStack(launcher);
 */
export function launcherStack(launcher: ServiceProcess): ProcessInfo[] {
  if (launcher.child.pid === undefined) throw new Error('the launcher did not start');
  return descendants(launcher.child.pid);
}

/**
 * Resolves with those of `stack` still running after `timeoutMs` (none, when all is well).
 *
 * @example expect(await leftAfter(stack, 5_000)).toEqual([]);
 */
export async function leftAfter(
  stack: readonly ProcessInfo[],
  timeoutMs: number,
): Promise<ProcessInfo[]> {
  try {
    await pollUntil(() => (stillRunning(stack).length === 0 ? true : undefined), timeoutMs, 50);
    return [];
  } catch {
    return stillRunning(stack);
  }
}

/**
 * Whether nothing listens on 127.0.0.1:`port` within `timeoutMs` (a server closing its socket).
 *
 * @example expect(await portFreed(webPort, 1_000)).toBe(true);
 */
export async function portFreed(port: number, timeoutMs: number): Promise<boolean> {
  try {
    await pollUntil(() => assertPortFree('127.0.0.1', port, 'test').then(() => true), timeoutMs);
    return true;
  } catch {
    return false;
  }
}
