import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flipByte, recordOffset } from '../records/helpers.ts';
import { runNngp } from '../support/cli.ts';
import { FIXTURE, repoRoot } from '../support/fixtures.ts';

/** Root reads any file, so the permission case runs as an account the file's mode shuts out. */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;
// That account must be able to run the CLI from this checkout: not so under a mode-700 parent
// (a project under /root), where the case is skipped, visibly, for that reason.
const nobodyReachesRepo =
  !asRoot ||
  spawnSync('sh', ['-c', 'test -r "$0/package.json"', repoRoot], { ...NOBODY }).status === 0;

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'nngp-import-cli-'));
  // Readable to the unprivileged account the permission case runs as.
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

function nngp(args: string[], user?: { uid: number; gid: number }) {
  return runNngp(args, {
    env: { ...process.env, DATABASE_URL: database.url, NNGP_DATA_DIR: dir },
    ...(user && { user }),
  });
}

async function count(table: string): Promise<number> {
  const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

/** A path of each kind that is not an input file, and the problem the CLI must name. */
async function unusablePaths(extension: string): Promise<[string, string][]> {
  const empty = path.join(dir, `empty.${extension}`);
  await writeFile(empty, '');
  const folder = path.join(dir, `folder.${extension}`);
  await mkdir(folder, { recursive: true });
  return [
    [empty, 'is empty (0 bytes)'],
    [folder, 'is a directory'],
    [path.join(dir, `missing.${extension}`), 'not found'],
  ];
}

describe('nngp nasbench import / proxies import on unusable paths', () => {
  it.each([
    ['nasbench', 'record file', 'tfrecord'],
    ['proxies', 'proxy file', 'csv'],
  ])(
    '%s import exits 2 naming an empty file, a directory, a missing file',
    async (group, kind, ext) => {
      for (const [file, problem] of await unusablePaths(ext)) {
        const run = await nngp([group, 'import', file]);
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(`error: ${kind} ${problem}: ${file}\n`);
      }
      expect(await count('record_imports')).toBe(0);
      expect(await count('proxy_scores')).toBe(0);
    },
    120_000,
  );

  it.skipIf(!nobodyReachesRepo)(
    `exits 2 naming a file its user may not read${nobodyReachesRepo ? '' : ' (skipped: uid 65534 cannot enter this checkout)'}`,
    async () => {
      const user = asRoot ? NOBODY : undefined;
      for (const [group, kind, name] of [
        ['nasbench', 'record file', 'private.tfrecord'],
        ['proxies', 'proxy file', 'private.csv'],
      ] as const) {
        const file = path.join(dir, name);
        await writeFile(file, 'not readable\n');
        await chmod(file, 0o000);
        const run = await nngp([group, 'import', file], user);
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(`error: ${kind} not readable (permission denied): ${file}\n`);
      }
    },
    120_000,
  );

  it('exits 2 at the damage of a same-size copy of a completed import, past its first MiB', async () => {
    const file = path.join(dir, 'nb101.tfrecord');
    await copyFile(FIXTURE, file);
    const first = await nngp(['nasbench', 'import', file, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const offset = await recordOffset(file, 20_000);
    expect(offset).toBeGreaterThan(1 << 20);
    await flipByte(file, offset + 12 + 40, 0xff);
    const again = await nngp(['nasbench', 'import', file]);
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain(
      `error: ${file}: record 20000 at byte offset ${offset}: payload CRC mismatch`,
    );
    expect(await count('training_records')).toBe(41_156);
  }, 180_000);
});
