import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ensureWebBuild } from '../../scripts/web/build-web.ts';
import type { ServiceProcess } from '../jobs/support/worker-process.ts';
import { freePort } from '../web/support/free-port.ts';
import {
  health,
  healthUntil,
  type LauncherSetup,
  launcherStack,
  leftAfter,
  portFreed,
  startLauncher,
} from './support/launcher.ts';

// One fresh data directory for the whole file: the first start is killed while it stores the
// search space, the second completes it, the later ones find everything present.
let setup: LauncherSetup;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nngp-lifecycle-'));
  // mkdtemp makes it 0700; as root, the server runs as 'postgres', which must enter it.
  await chmod(dataDir, 0o755);
  setup = { dataDir, apiPort: await freePort(), webPort: await freePort() };
  // Built up front, so that the first start's dashboard comes up while its data steps run.
  await ensureWebBuild();
}, 900_000);
afterAll(() => rm(setup.dataDir, { recursive: true, force: true }));

/** The launcher, SIGKILLed when the test ends however it ends (the tethers do the rest). */
function launch(): ServiceProcess {
  const launcher = startLauncher(setup);
  onTestFinished(() => launcher.kill('SIGKILL'));
  return launcher;
}

const SEARCH_SPACE_LINE = /search space: [\d,]+ \/ 423,624 modules \(\d+ %\)/;

describe('pnpm start on a fresh data directory, killed and restarted', () => {
  it('serves the API and the dashboard while it stores the search space, with progress on /health and stderr; SIGKILL then leaves nothing running', async () => {
    const launcher = launch();
    const postgresLine = await launcher.waitFor(
      /embedded PostgreSQL started on 127\.0\.0\.1:(\d+)/,
    );
    const postgresPort = Number(postgresLine[1]);

    // The API answers before the data is in, saying how far the data steps are.
    const during = await healthUntil(setup.apiPort, (b) => b.step === 'search space', 120_000);
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({
      status: 'preparing',
      step: 'search space',
      total: 423_624,
    });
    expect(during.body.done).toBeGreaterThanOrEqual(0);
    expect(during.body.done).toBeLessThan(423_624);

    // Stderr is a pipe here, not a terminal: progress still comes as lines.
    await launcher.waitFor(SEARCH_SPACE_LINE, 120_000);
    // The enumeration runs off the event loop: /health answers within a second throughout.
    const probes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await health(setup.apiPort);
      expect(answer.body.status).toBe('preparing');
      probes.push(answer.ms);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(Math.max(...probes)).toBeLessThan(1_000);
    const progressed = await health(setup.apiPort);
    expect(progressed.body.done).toBeGreaterThan(during.body.done ?? 0);

    // The dashboard comes up beside the data steps, not after them.
    const dashboard = (await launcher.waitFor(/dashboard at (\S+)/, 300_000))[1] as string;
    expect(dashboard).toBe(`http://localhost:${setup.webPort}/`);
    const page = await fetch(dashboard);
    expect(page.status).toBe(200);
    expect((await health(setup.apiPort)).body.status).toBe('preparing');

    const stack = launcherStack(launcher);
    expect(stack.some((p) => p.command.includes('server/src/main.ts'))).toBe(true);
    expect(stack.some((p) => p.command.includes('next-server'))).toBe(true);
    launcher.kill('SIGKILL');
    expect(await leftAfter(stack, 5_000)).toEqual([]);
    expect(await portFreed(setup.apiPort, 1_000)).toBe(true);
    expect(await portFreed(setup.webPort, 1_000)).toBe(true);
    // The API left through its normal shutdown: as its last user, it stopped the server.
    expect(await portFreed(postgresPort, 30_000)).toBe(true);
  }, 900_000);

  it('starts again (no EADDRINUSE), completes the data steps, and SIGKILL once it serves leaves nothing running', async () => {
    const launcher = launch();
    const dashboard = (await launcher.waitFor(/dashboard at (\S+)/, 300_000))[1] as string;
    const ready = await healthUntil(setup.apiPort, (b) => b.status === 'ok', 900_000);
    expect(ready.status).toBe(200);
    expect(launcher.stderr).toContain('search space: stored 423624 modules');
    expect(launcher.stderr).not.toContain('EADDRINUSE');
    const html = await (await fetch(dashboard)).text();
    expect(html).toMatch(/423,?624/);

    const stack = launcherStack(launcher);
    launcher.kill('SIGKILL');
    expect(await leftAfter(stack, 5_000)).toEqual([]);
    expect(await portFreed(setup.apiPort, 1_000)).toBe(true);
    expect(await portFreed(setup.webPort, 1_000)).toBe(true);
  }, 1_200_000);

  it('stops with a non-zero status, taking the dashboard down, when the API is killed', async () => {
    const launcher = launch();
    await launcher.waitFor(/dashboard at (\S+)/, 300_000);
    const stack = launcherStack(launcher);
    // The API itself, not the tether that runs it (whose arguments name it too).
    const api = stack.find(
      (p) => p.command.includes('server/src/main.ts') && !p.command.includes('tether.ts'),
    );
    expect(api).toBeDefined();
    process.kill(api?.pid as number, 'SIGKILL');

    const { code } = await launcher.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(launcher.stderr).toMatch(/the API exited with status 137; stopping the dashboard/);
    expect(await leftAfter(stack, 5_000)).toEqual([]);
    expect(await portFreed(setup.webPort, 1_000)).toBe(true);
  }, 600_000);

  it('starts once more after the kills and stops on SIGTERM with 143', async () => {
    const launcher = launch();
    await launcher.waitFor(/dashboard at (\S+)/, 300_000);
    await healthUntil(setup.apiPort, (b) => b.status === 'ok', 120_000);
    expect(launcher.stderr).toContain('search space: all 423624 modules present');
    const stack = launcherStack(launcher);
    launcher.kill('SIGTERM');
    expect((await launcher.exited).code).toBe(143);
    expect(launcher.stderr).toMatch(/stopped: no process uses/);
    expect(await leftAfter(stack, 5_000)).toEqual([]);
    expect(await portFreed(setup.webPort, 1_000)).toBe(true);
  }, 600_000);
});

describe('pnpm start with a damaged record file', () => {
  it('reports the failed step on /health and stderr, and keeps serving what is stored', async () => {
    // Downloaded official files take the place of the shared subset (data-files.ts).
    const downloads = path.join(setup.dataDir, 'downloads');
    await mkdir(downloads, { recursive: true });
    const damaged = path.join(downloads, 'nasbench_only108.tfrecord');
    await writeFile(damaged, Buffer.alloc(4096, 0x5a));
    onTestFinished(() => rm(downloads, { recursive: true, force: true }));
    const launcher = launch();
    const failed = await healthUntil(setup.apiPort, (b) => b.status === 'failed', 300_000);
    expect(failed.status).toBe(503);
    expect(failed.body.error).toContain('nasbench_only108.tfrecord');
    expect(launcher.stderr).toMatch(/data steps failed: .*nasbench_only108\.tfrecord/);
    // The API goes on answering from what is stored.
    const response = await fetch(`http://127.0.0.1:${setup.apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ architectures { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { architectures: { totalCount: 423_624 } } });
    launcher.kill('SIGINT');
    expect((await launcher.exited).code).toBe(130);
  }, 600_000);
});

/** A server that answers HTTP on 127.0.0.1:`port` until the test ends: someone else's. */
async function squat(port: number): Promise<void> {
  const squatter = net.createServer((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\nnot ours'));
  await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
}

describe('pnpm start with a port taken by another process', () => {
  it('PORT_WEB: says so and exits 2 before starting anything (no "dashboard at")', async () => {
    await squat(setup.webPort);
    const launcher = launch();
    const { code } = await launcher.exited;
    expect(code).toBe(2);
    expect(launcher.stderr).toContain(
      `cannot listen on 127.0.0.1:${setup.webPort} (PORT_WEB): another process already listens there`,
    );
    expect(launcher.stderr).not.toContain('GraphQL API at');
    expect(launcher.stderr).not.toContain('dashboard at');
  }, 60_000);
});

describe('pnpm start with PORT_API taken', () => {
  it('the API says so and exits; the launcher exits 1 and never claims a dashboard', async () => {
    await squat(setup.apiPort);
    const launcher = launch();
    const stack = await launcher
      .waitFor(/embedded PostgreSQL/, 120_000)
      .then(() => launcherStack(launcher));
    const { code } = await launcher.exited;
    expect(code).toBe(1);
    expect(launcher.stderr).toContain(
      `the API cannot listen on 127.0.0.1:${setup.apiPort}: another process uses that port (PORT_API)`,
    );
    expect(launcher.stderr).toMatch(/the API exited with status 1; stopping the dashboard/);
    expect(launcher.stderr).not.toContain('dashboard at');
    // Said in words, not as a crash with a stack trace.
    expect(launcher.stderr).not.toMatch(/\n\s+at /);
    expect(await leftAfter(stack, 5_000)).toEqual([]);
  }, 180_000);
});
