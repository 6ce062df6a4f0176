import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Fig7Report, fig7Report, readMnasResults, sampleMnas } from '@nngp-nas/compute/mnas';
import { loadFig7 } from '@nngp-nas/compute/mnas/store';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImageFolder } from '../../compute/test/datasets/image-folder-fixture.ts';
import { runNngp } from '../../compute/test/support/cli.ts';

/*
 * The researcher's MNAS loop into the database, through the CLI on real photographs in the
 * ImageNet layout: `nngp mnas evaluate --experiment` (resumable), `nngp mnas import` (a bad file
 * changes nothing; a second import writes nothing) and `nngp mnas fig7 --experiment`, which
 * agrees with the same analysis of the same numbers as files.
 */

let dir: string;
let images: string;
let database: TestDatabase;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nngp-mnas-db-'));
  images = (await writeImageFolder(dir)).root;
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

const nngp = (args: string[]) =>
  runNngp(['mnas', ...args], { env: { ...process.env, DATABASE_URL: database.url } });
const EVALUATE = [
  'evaluate',
  '--images',
  '',
  '--labels',
  '5',
  '--resolution',
  '32',
  '--seed',
  '3',
  '--train',
  '20',
  '--val',
  '20',
  '--ensemble',
  '2',
  '--configs',
  '10x20x1',
];
const evaluate = (extra: string[]) =>
  nngp([...EVALUATE.map((a) => (a === '' ? images : a)), ...extra]);
const rows = async <T>(text: string) => (await database.pool.query(text)).rows as T[];

describe('nngp mnas evaluate --experiment, import and fig7 --experiment', () => {
  it('evaluates into an experiment and resumes it', async () => {
    const first = await evaluate(['--count', '2', '--experiment', 'mnas-e2e']);
    expect(first.code, first.stderr).toBe(0);
    const more = await evaluate(['--count', '4', '--experiment', 'mnas-e2e']);
    expect(more.code, more.stderr).toBe(0);
    expect(more.stderr).toContain('2 networks evaluated, 2 already there');
    const stored = await rows<{ hash: string; space: string; n: string }>(
      `SELECT a.hash, a.space, count(r.*) AS n FROM architectures a
         JOIN nngp_results r ON r.module_hash = a.hash GROUP BY a.hash, a.space`,
    );
    expect(stored.map((r) => r.hash).sort()).toEqual(
      sampleMnas(4, 3)
        .map((s) => s.hash())
        .sort(),
    );
    expect(stored.every((r) => r.space === 'mnas' && r.n === '2')).toBe(true);
    // The same settings into a CSV give the same accuracies.
    const out = join(dir, 'nngp.csv');
    expect((await evaluate(['--count', '4', '--out', out])).code).toBe(0);
    const fromFile = (await readMnasResults(out)).map((r) => [r.hash, r.nTrain, r.accuracy]);
    const fromDb = await rows<{ hash: string; n_train: number; accuracy: number }>(
      'SELECT module_hash AS hash, n_train, accuracy FROM nngp_results',
    );
    expect(fromDb.map((r) => [r.hash, r.n_train, r.accuracy]).sort()).toEqual(fromFile.sort());
  }, 300_000);

  it('imports measurements idempotently and refuses a bad file without touching the stored rows', async () => {
    // In hash order, the database's order: both analyses then see the networks in one order.
    const specs = sampleMnas(4, 3).sort((a, b) => (a.hash() < b.hash() ? -1 : 1));
    const measured = join(dir, 'measured.csv');
    await writeFile(
      measured,
      [
        'encoding,hash,accuracy_5epoch,latency_ms,final_accuracy',
        ...specs.map(
          (s, i) => `${s.encode()},,${0.5 + i / 20},${90 - 10 * i},${i === 1 ? '' : 0.7 + i / 50}`,
        ),
      ].join('\n'),
    );
    const imported = await nngp(['import', '--measurements', measured]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('4 measured networks');
    const again = await nngp(['import', '--measurements', measured]);
    expect(again.stderr).toContain('0 rows written');
    const before = await rows('SELECT * FROM mnas_measurements ORDER BY module_hash');

    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      `hash,accuracy_5epoch,latency_ms\n${specs[0]?.hash()},0.99,50\n${'f'.repeat(32)},0.5,70\n`,
    );
    const refused = await nngp(['import', '--measurements', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${bad}:3: hash ${'f'.repeat(32)} is not a stored MNAS network`,
    );
    expect(await rows('SELECT * FROM mnas_measurements ORDER BY module_hash')).toEqual(before);
  }, 120_000);

  it('prints Fig. 7 of the experiment, the analysis the files give', async () => {
    const [experiment] = await rows<{ id: number }>('SELECT id FROM nngp_experiments');
    const run = await nngp(['fig7', '--experiment', String(experiment?.id), '--k', '2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const stored = JSON.parse(run.stdout) as Fig7Report;
    expect(stored).toEqual(
      JSON.parse(
        JSON.stringify(
          await loadFig7(database.db, { experimentId: experiment?.id as number, k: 2 }),
        ),
      ),
    );
    const files = fig7Report(
      await readMnasResults(join(dir, 'nngp.csv')),
      await readFile(join(dir, 'measured.csv'), 'utf8'),
      'measured.csv',
      { k: 2 },
    );
    const chosen = (r: Fig7Report, name: string) =>
      r.selections.find((s) => s.name === name)?.positions.map((p) => r.hashes[p]);
    for (const name of ['nngp', 'accuracy5', 'reward', 'random'])
      expect(chosen(stored, name)).toEqual(chosen(files, name));
    expect(stored.nngpVsReward.kendallTau).toBeCloseTo(files.nngpVsReward.kendallTau as number, 12);
    expect(stored.networks).toBe(4);
  }, 120_000);

  it('compares predictors against the reward and keeps the MNAS size clusters apart', async () => {
    const nngpCli = (args: string[]) =>
      runNngp(args, { env: { ...process.env, DATABASE_URL: database.url } });
    const compare = await nngpCli(['compare', '--space', 'mnas', '--json']);
    expect(compare.code, compare.stderr).toBe(0);
    const comparison = JSON.parse(compare.stdout) as {
      groundTruth: string;
      architectures: number;
      predictors: { name: string; n: number; kendallTau: number | null }[];
    };
    expect(comparison.groundTruth).toContain('MNAS reward');
    expect(comparison.architectures).toBe(4);
    // Model size and the experiment's two configurations: no training, no proxies in MNAS.
    expect(comparison.predictors.map((p) => [p.name, p.n])).toEqual([
      ['model size', 4],
      ['nngp mnas-e2e 10/20/1', 4],
      ['nngp mnas-e2e 20/20/2', 4],
    ]);
    const clusters = await nngpCli(['clusters', '--space', 'mnas', '--json']);
    expect(clusters.code, clusters.stderr).toBe(0);
    const counts = (JSON.parse(clusters.stdout) as { count: number }[]).map((c) => c.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    const bad = await nngpCli(['clusters', '--space', 'darts']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--space must be one of nasbench101, mnas');
  }, 120_000);
});
