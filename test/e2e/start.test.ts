import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RESULTS_DIR } from '@nngp-nas/compute/results';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runNngp } from '../../compute/test/support/cli.ts';
import { repoRoot } from '../../compute/test/support/fixtures.ts';
import { freePort } from '../web/support/free-port.ts';

let dataDir: string;
/** The study's committed experiments (results/*.json), which every start loads. */
let committed: { name: string; rows: number }[];

beforeAll(async () => {
  const files = (await readdir(RESULTS_DIR).catch(() => [])).filter((f) => f.endsWith('.json'));
  committed = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(path.join(RESULTS_DIR, f), 'utf8'))),
  );
  dataDir = await mkdtemp(path.join(tmpdir(), 'nngp-start-'));
  // mkdtemp makes it 0700; as root, the server runs as 'postgres', which must enter it.
  await chmod(dataDir, 0o755);
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** `pnpm nngp start --once` then `pnpm nngp stats --json`, as a user runs them, on the embedded default. */
function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NNGP_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return runNngp(args, { env });
}

describe('pnpm start on the embedded database', () => {
  it('stores the whole search space and the fixture records, then stops the server', async () => {
    const start = await run(['start', '--once']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toContain('search space: stored 423624 modules');
    expect(start.stderr).toMatch(/stopped: no process uses/);
    const stats = await run(['stats', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual({
      architectures: 423_624,
      architecturesWithGroundTruth: 10_302,
      trainingRecords: 41_156,
      proxyScores: 10_250 + 292 * 12, // every proxy row names a stored module once the space is present
      // The committed study results (results/) are loaded too.
      experiments: committed.length,
      nngpResults: committed.reduce((sum, e) => sum + e.rows, 0),
    });
    const clusters = await run(['clusters', '--json']);
    const parsed = JSON.parse(clusters.stdout) as { count: number }[];
    expect(parsed).toHaveLength(5);
    expect(parsed.reduce((s, c) => s + c.count, 0)).toBe(423_624);
  }, 400_000);

  it('is idempotent: a second start finds everything present and changes nothing', async () => {
    const again = await run(['start', '--once']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('search space: all 423624 modules present');
    expect(again.stderr).toContain('41156 records of 10302 modules (41156 already stored)');
    for (const e of committed)
      expect(again.stderr).toContain(`results ${e.name}: 0 rows stored (${e.rows} already stored)`);
  }, 120_000);

  it('the README Results section regenerates byte for byte from the committed results', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NNGP_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    // The documented command, on the database a fresh clone's start filled from results/.
    const report = spawnSync('pnpm', ['--silent', 'study:report', '--check'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(report.status, report.stderr).toBe(0);
    expect(report.stderr).toContain(
      'the Results section is what the database gives, byte for byte',
    );
  }, 600_000);

  it('pnpm start finds the data present and serves the GraphQL API and the dashboard until Ctrl-C', async () => {
    const webPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NNGP_DATA_DIR: dataDir,
      PORT_API: '0',
      PORT_WEB: String(webPort),
    };
    delete env.DATABASE_URL;
    // What `pnpm start` runs (package.json): the launcher of the API and the dashboard.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env,
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const started = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const match = pattern.exec(stderr);
          if (match) {
            clearInterval(poll);
            resolve(match[1] as string);
          }
        }, 100);
        exited.then(() => {
          clearInterval(poll);
          reject(new Error(`pnpm start exited: ${stderr}`));
        });
      });
    // A failed expectation must not leave the launcher (and its API and next start) running.
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGINT');
    });
    // The API serves at once; /health says "ok" once the (here instant) data steps are done.
    const url = await started(/GraphQL API at (\S+)/);
    await started(/(data steps done)/);
    expect(stderr).toContain('search space: all 423624 modules present');
    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ architectures(filter: { hasGroundTruth: true }) { totalCount } }',
      }),
    });
    expect(await response.json()).toEqual({ data: { architectures: { totalCount: 10_302 } } });

    // The dashboard (built first when web/ changed) on PORT_WEB, over that API's data.
    const dashboard = await started(/dashboard at (\S+)/);
    expect(dashboard).toBe(`http://localhost:${webPort}/`);
    const page = await fetch(dashboard);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="count-architectures"');
    expect(html).toMatch(/423,?624/);

    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/stopped: no process uses/);
    // next start went down with it: nothing answers on PORT_WEB any more.
    await expect(fetch(dashboard)).rejects.toThrow();
  }, 900_000);

  it('refuses a bad PORT_WEB with exit 2, naming it, before starting anything', async () => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, NNGP_DATA_DIR: dataDir, PORT_WEB: 'http' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("PORT_WEB: must be a port number (1-65535), got 'http'");
    expect(stderr).not.toContain('GraphQL API at');
  }, 60_000);
});
