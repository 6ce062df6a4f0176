import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { importRecordFile } from '@nngp-nas/compute/nasbench';
import { exportResults, loadResults, ResultsFileError } from '@nngp-nas/compute/results';
import type { Database } from '@nngp-nas/db';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../compute/test/support/fixtures.ts';
import { runTinyNngpExperiment } from '../api/support.ts';

// A real (tiny) NNGP experiment is written out as committed files and loaded into other
// databases: the rows come back identical, a second load stores nothing, bad files are named.
let source: Database;
let target: Database;
let dir: string;
let hashes: string[];

const RESULT_QUERY = `SELECT module_hash, n_train, n_val, ensemble, accuracy, accuracies, regularizers,
       engine, backend, seconds, flops, r.created_at
  FROM nngp_results r JOIN nngp_experiments e ON e.id = r.experiment_id
 WHERE e.name = $1 ORDER BY module_hash, n_train, n_val, ensemble`;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([importRecordFile(source, FIXTURE), importRecordFile(target, FIXTURE)]);
  const { rows } = await source.pool.query<{ hash: string }>(
    'SELECT hash FROM architectures ORDER BY hash LIMIT 4',
  );
  hashes = rows.map((r) => r.hash);
  await runTinyNngpExperiment(source, hashes, 'round/trip study');
  dir = await mkdtemp(join(tmpdir(), 'nngp-results-'));
}, 240_000);

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('committed results files', () => {
  it('write every stored row and the settings, and load back identical rows, once', async () => {
    const [written] = await exportResults(source, { dir, experiments: ['round/trip study'] });
    expect(written).toMatchObject({ name: 'round/trip study', architectures: 4, rows: 4 });
    const settings = JSON.parse(await readFile(join(dir, 'round_trip_study.json'), 'utf8'));
    expect(settings.config).toMatchObject({ nTrain: 20, nVal: 20, ensemble: 1, stemChannels: 8 });
    // The data beside the repository is named relative to it, so clones elsewhere find it.
    expect(settings.config.dataset).toBe('../shared/data/cifar10/data_batch_1_first4000.bin');
    const csv = gunzipSync(await readFile(join(dir, 'round_trip_study.csv.gz'))).toString();
    expect(csv.trim().split('\n')).toHaveLength(1 + 4);

    const [first] = await loadResults(target, { dir });
    expect(first).toEqual({
      name: 'round/trip study',
      loaded: 4,
      alreadyStored: 0,
      unknownArchitecture: 0,
    });
    const stored = await source.pool.query(RESULT_QUERY, ['round/trip study']);
    const loaded = await target.pool.query(RESULT_QUERY, ['round/trip study']);
    expect(loaded.rows).toEqual(stored.rows);
    expect(stored.rows.some((r) => r.accuracy !== null)).toBe(true);

    const config = 'SELECT config FROM nngp_experiments WHERE name = $1';
    expect((await target.pool.query(config, ['round/trip study'])).rows).toEqual(
      (await source.pool.query(config, ['round/trip study'])).rows,
    );

    const [second] = await loadResults(target, { dir });
    expect(second).toMatchObject({ loaded: 0, alreadyStored: 4 });
  });

  it('load files written before created_at existed, stamping their rows on loading', async () => {
    const old = await mkdtemp(join(tmpdir(), 'nngp-results-old-'));
    const fresh = await createTestDatabase();
    try {
      await importRecordFile(fresh, FIXTURE);
      const lines = gunzipSync(await readFile(join(dir, 'round_trip_study.csv.gz')))
        .toString()
        .trim()
        .split('\n')
        .map((line) => line.slice(0, line.lastIndexOf(',')));
      expect(lines[0]?.endsWith(',flops')).toBe(true);
      await writeFile(join(old, 'round_trip_study.csv.gz'), gzipSync(`${lines.join('\n')}\n`));
      await writeFile(
        join(old, 'round_trip_study.json'),
        await readFile(join(dir, 'round_trip_study.json')),
      );
      const before = new Date();
      const [outcome] = await loadResults(fresh, { dir: old });
      expect(outcome).toMatchObject({ loaded: 4, unknownArchitecture: 0 });
      const { rows } = await fresh.pool.query<{ created_at: Date }>(
        'SELECT created_at FROM nngp_results',
      );
      for (const r of rows)
        expect(r.created_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    } finally {
      await fresh.close();
      await rm(old, { recursive: true, force: true });
    }
  }, 120_000);

  it('count rows of architectures the database does not hold instead of failing', async () => {
    const empty = await createTestDatabase();
    try {
      const [outcome] = await loadResults(empty, { dir });
      expect(outcome).toMatchObject({ loaded: 0, unknownArchitecture: 4 });
    } finally {
      await empty.close();
    }
  });

  it('name the file, line and column of a bad value, and store nothing from it', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'nngp-results-bad-'));
    try {
      const lines = gunzipSync(await readFile(join(dir, 'round_trip_study.csv.gz')))
        .toString()
        .split('\n');
      lines[2] = lines[2]?.replace(/^[0-9a-f]{32}/, 'not-a-hash') ?? '';
      const settings = JSON.parse(await readFile(join(dir, 'round_trip_study.json'), 'utf8'));
      settings.name = 'broken study';
      await writeFile(join(bad, 'broken_study.json'), JSON.stringify(settings));
      await writeFile(join(bad, 'broken_study.csv.gz'), gzipSync(lines.join('\n')));
      const error = await loadResults(target, { dir: bad }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(ResultsFileError);
      expect((error as Error).message).toMatch(
        /broken_study\.csv\.gz, line 3, module_hash: 'not-a-hash' is not an md5 module hash/,
      );
      const { rows } = await target.pool.query(
        "SELECT 1 FROM nngp_experiments WHERE name = 'broken study'",
      );
      expect(rows).toHaveLength(0);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
