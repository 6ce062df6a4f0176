import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/nasbench/records/index.ts';
import {
  importProxyCsv,
  importRecordFile,
  ProxyFileError,
} from '../../src/nasbench/store/index.ts';
import { FIXTURE, ZEN_CSV, ZERO_COST_CSV } from '../support/fixtures.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'nngp-proxies-'));
  await importRecordFile(database, FIXTURE);
}, 120_000);
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

async function scores(proxy: string): Promise<number> {
  const { rows } = await database.pool.query(
    'SELECT count(*)::int AS n FROM proxy_scores WHERE proxy = $1',
    [proxy],
  );
  return rows[0].n;
}

describe('importProxyCsv', () => {
  it('imports the Zen-NAS scores of the 10,250 fixture modules, idempotently', async () => {
    const first = await importProxyCsv(database, ZEN_CSV);
    expect(first).toMatchObject({
      proxies: ['zen_score'],
      rows: 10_250,
      scores: 10_250,
      unchanged: 0,
    });
    const again = await importProxyCsv(database, ZEN_CSV);
    expect(again).toMatchObject({ scores: 10_250, unchanged: 10_250 });
    const { rows } = await database.pool.query(
      `SELECT value FROM proxy_scores WHERE proxy = 'zen_score' AND module_hash = '00005c142e6f48ac74fdcf73e3439874'`,
    );
    expect(rows[0].value).toBeCloseTo(125.2657241821289, 10);
  });

  it('takes every column after module_hash as a named proxy and skips unknown modules', async () => {
    const summary = await importProxyCsv(database, ZERO_COST_CSV);
    expect(summary.proxies).toEqual([
      'flops',
      'params',
      'snip',
      'jacov',
      'grad_norm',
      'plain',
      'epe_nas',
      'fisher',
      'grasp',
      'l2_norm',
      'synflow',
      'val_accuracy',
    ]);
    expect(summary.rows).toBe(292);
    expect(summary.unknownModules).toBe(292 - summary.scores / 12);
    expect(await scores('synflow')).toBe(summary.scores / 12);
  });

  it.each([
    [
      'bad-number.csv',
      'module_hash,zen\n00005c142e6f48ac74fdcf73e3439874,1.5\n0000718c96730a92ea6d5242f8ce77e2,abc\n',
      "line 3, column 'zen': 'abc' is not a number",
    ],
    [
      'bad-hash.csv',
      'module_hash,zen\nxyz,1\n',
      "line 2: module_hash 'xyz' is not 32 lowercase hex digits",
    ],
    ['bad-header.csv', 'hash,zen\n', "line 1: the first column must be 'module_hash'"],
    ['ragged.csv', 'module_hash,zen\n00005c142e6f48ac74fdcf73e3439874,1,2\n', 'ragged.csv'],
  ])('rejects %s with a clear error and stores nothing', async (name, content, message) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const before = await scores('zen');
    const error = await importProxyCsv(database, file).catch((e) => e);
    expect(error).toBeInstanceOf(ProxyFileError);
    expect(error.message).toContain(message);
    expect(await scores('zen')).toBe(before);
  });

  it('names the path of an empty file, a directory and a missing file, and stores nothing', async () => {
    const empty = path.join(dir, 'empty.csv');
    await writeFile(empty, '');
    const folder = path.join(dir, 'folder.csv');
    await mkdir(folder);
    const cases: [string, string][] = [
      [empty, 'is empty (0 bytes)'],
      [folder, 'is a directory'],
      [path.join(dir, 'missing.csv'), 'not found'],
    ];
    const before = await database.pool.query('SELECT count(*)::int AS n FROM proxy_scores');
    for (const [file, problem] of cases) {
      const error = await importProxyCsv(database, file).catch((e) => e);
      expect(error).toBeInstanceOf(InputFileError);
      expect(error.message).toBe(`proxy file ${problem}: ${file}`);
    }
    const after = await database.pool.query('SELECT count(*)::int AS n FROM proxy_scores');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
