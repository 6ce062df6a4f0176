import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { type ApiServer, createApiServer } from '@nngp-nas/server';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../../scripts/web/build-web.ts';
import { type NextServer, startNextServer } from '../../../scripts/web/next-server.ts';
import { launchChromium } from './browser.ts';
import { type DashboardData, seedDashboardData } from './dashboard-data.ts';
import { freePort } from './free-port.ts';

/** Everything a browser test of the dashboard needs, up and connected. */
export interface DashboardStack {
  database: TestDatabase;
  data: DashboardData;
  api: ApiServer;
  /** The bearer token the API's mutations require (its NNGP_API_TOKEN). */
  apiToken: string;
  /** `next start` of web/'s production build, talking to `api`. */
  web: NextServer;
  browser: Browser;
  /** Absolute dashboard URL of `route`, e.g. url('/metrics?residual=0-1'). */
  url(route: string): string;
  /** Seconds each step took (how long the stack takes to come up). */
  timings: Record<'data' | 'build' | 'web' | 'browser', number>;
  close(): Promise<void>;
}

/**
 * The dashboard against real parts: a scratch database with the fixture data and one small
 * NNGP experiment (seedDashboardData), the GraphQL API on a free port with a random token for
 * its mutations, web/ built (skipped when the build is newer than its sources) and served by
 * `next start` on another free port, and Debian's chromium. The data and the build proceed side
 * by side.
 *
 * @example
 * const stack = await startDashboardStack();
 * const page = await stack.browser.newPage();
 * await page.goto(stack.url('/'));
 * await stack.close();
 */
export async function startDashboardStack(
  options: { log?: (line: string) => void } = {},
): Promise<DashboardStack> {
  const log = options.log ?? (() => {});
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  const timings = { data: 0, build: 0, web: 0, browser: 0 };
  const timed = async <T>(step: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[step] = (performance.now() - started) / 1000;
    log(`dashboard stack: ${step} in ${timings[step].toFixed(1)} s`);
    return result;
  };
  try {
    const database = await createTestDatabase();
    closers.push(() => database.close());
    const [data] = await Promise.all([
      timed('data', () => seedDashboardData(database)),
      timed('build', () => ensureWebBuild()),
    ]);
    const apiToken = randomBytes(24).toString('hex');
    const api = await withApiToken(apiToken, () =>
      createApiServer({ database, port: 0, development: false }),
    );
    closers.push(() => api.stop());
    const web = await timed('web', async () =>
      startNextServer({ port: await freePort(), apiUrl: api.url }),
    );
    closers.push(() => web.stop());
    const browser = await timed('browser', () => launchChromium());
    closers.push(() => browser.close());
    return {
      database,
      data,
      api,
      apiToken,
      web,
      browser,
      url: (route) => new URL(route, web.url).href,
      timings,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs `start` with NNGP_API_TOKEN set (the API reads it once, when it starts), then restores it. */
async function withApiToken<T>(token: string, start: () => Promise<T>): Promise<T> {
  const previous = process.env.NNGP_API_TOKEN;
  process.env.NNGP_API_TOKEN = token;
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.NNGP_API_TOKEN;
    else process.env.NNGP_API_TOKEN = previous;
  }
}
