import { createHash } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFileError, RecordFileError } from '../../src/nasbench/records/index.ts';
import { importRecordFile } from '../../src/nasbench/store/index.ts';
import { flipByte, recordOffset } from '../records/helpers.ts';
import { FIXTURE, fixtureModules } from '../support/fixtures.ts';

let dir: string;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nngp-import-'));
});
afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  await rm(dir, { recursive: true, force: true });
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

async function count(database: TestDatabase, sql: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(sql);
  return Number(rows[0]?.n);
}

/** Which rows exist and the transaction that last wrote each: equal snapshots mean nothing changed. */
async function snapshot(database: TestDatabase): Promise<string> {
  const { rows } = await database.pool.query(
    `SELECT md5(string_agg(module_hash || epochs || '/' || repeat || '@' || xmin::text, ','
                           ORDER BY module_hash, epochs, repeat)) AS s FROM training_records`,
  );
  return rows[0].s;
}

async function importRow(database: TestDatabase) {
  const { rows } = await database.pool.query(
    'SELECT status, fingerprint, committed_records FROM record_imports',
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

const digest = (algorithm: string, bytes: Buffer) =>
  createHash(algorithm).update(bytes).digest('hex');

describe('importRecordFile on the fixture', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });

  it('imports 41,156 records of 10,302 modules', async () => {
    const summary = await importRecordFile(database, FIXTURE);
    expect(summary).toMatchObject({ records: 41_156, modules: 10_302, repeats: 3, skipped: 0 });
    expect(await count(database, 'SELECT count(*) AS n FROM training_records')).toBe(41_156);
    expect(
      await count(
        database,
        'SELECT count(DISTINCT module_hash) AS n FROM training_records WHERE epochs = 108',
      ),
    ).toBe(10_302);
  }, 120_000);

  it("stores each module's hash, matrix and parameters exactly as its records hold them", async () => {
    const fixture = await fixtureModules();
    const { rows } = await database.pool.query<{
      hash: string;
      matrix: string;
      operations: string[];
      trainable_parameters: number;
    }>('SELECT hash, matrix, operations, trainable_parameters FROM architectures');
    expect(rows).toHaveLength(fixture.size);
    for (const row of rows) {
      const expected = fixture.get(row.hash);
      expect(expected, row.hash).toBeDefined();
      expect(row.matrix).toBe(expected?.matrixText);
      expect(row.operations).toEqual(expected?.operations);
      expect(row.trainable_parameters).toBe(expected?.trainableParameters);
    }
  });

  it('gives ground truth from 0.095 to 0.95 with mean about 0.91', async () => {
    const { rows } = await database.pool.query<{ lo: number; hi: number; mean: number }>(
      `SELECT min(gt) AS lo, max(gt) AS hi, avg(gt) AS mean FROM
         (SELECT avg(final_validation_accuracy) AS gt FROM training_records WHERE epochs = 108
           GROUP BY module_hash) t`,
    );
    expect(rows[0]?.lo).toBeCloseTo(0.095, 2);
    expect(rows[0]?.hi).toBeGreaterThan(0.94);
    expect(rows[0]?.mean).toBeCloseTo(0.91, 1);
  });

  it('changes nothing when the same file is imported again, with or without --force', async () => {
    const before = await snapshot(database);
    const again = await importRecordFile(database, FIXTURE);
    expect(again).toMatchObject({ records: 41_156, modules: 10_302, skipped: 41_156 });
    const forced = await importRecordFile(database, FIXTURE, { force: true });
    expect(forced).toMatchObject({ records: 41_156, modules: 10_302, skipped: 41_156 });
    expect(await snapshot(database)).toBe(before);
  }, 120_000);

  it('assigns size clusters to what it stored', async () => {
    expect(
      await count(database, 'SELECT count(*) AS n FROM architectures WHERE size_cluster IS NULL'),
    ).toBe(0);
    expect(await count(database, 'SELECT sum(count) AS n FROM size_clusters')).toBe(10_302);
  });
});

describe('importRecordFile on damaged files', () => {
  const BATCH = 2000;
  const DAMAGED = 25_123;

  it('stops at a flipped byte naming record and offset, keeps only whole batches, and resumes', async () => {
    const database = await freshDatabase();
    const damaged = path.join(dir, 'flipped.tfrecord');
    await copyFile(FIXTURE, damaged);
    const offset = await recordOffset(damaged, DAMAGED);
    await flipByte(damaged, offset + 40, 0xff);

    const error = await importRecordFile(database, damaged, { batchSize: BATCH }).catch((e) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    expect(error.record).toBe(DAMAGED);
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(`record ${DAMAGED} at byte offset ${offset}`);
    const kept = Math.floor(DAMAGED / BATCH) * BATCH;
    expect(await count(database, 'SELECT count(*) AS n FROM training_records')).toBe(kept);
    const { rows } = await database.pool.query(
      'SELECT status, committed_records FROM record_imports',
    );
    expect(rows).toEqual([{ status: 'failed', committed_records: kept }]);

    // Same content up to the damage (same identity, and its prefix hashes to the proof stored
    // with the last batch): the intact file resumes after that batch.
    const resumed = await importRecordFile(database, FIXTURE, { batchSize: BATCH });
    expect(resumed.resumedFrom).toBe(await recordOffset(FIXTURE, kept));
    expect(resumed).toMatchObject({ records: 41_156, modules: 10_302, repeats: 3 });
    expect(await count(database, 'SELECT count(*) AS n FROM training_records')).toBe(41_156);

    // Numbered exactly as an uninterrupted import numbers them.
    const clean = await freshDatabase();
    await importRecordFile(clean, FIXTURE, { batchSize: 5000 });
    const layout = `SELECT md5(string_agg(module_hash || epochs || '/' || repeat || '=' ||
                      coalesce(final_validation_accuracy::text, '-'), ',' ORDER BY module_hash, epochs, repeat)) AS n
                    FROM training_records`;
    const a = await database.pool.query(layout);
    const b = await clean.pool.query(layout);
    expect(a.rows[0].n).toBe(b.rows[0].n);
  }, 180_000);

  it('stops at a truncated tail and commits nothing of the damaged batch', async () => {
    const database = await freshDatabase();
    const cut = path.join(dir, 'truncated.tfrecord');
    await copyFile(FIXTURE, cut);
    const last = await recordOffset(cut, 41_155);
    await truncate(cut, last + 100);

    const error = await importRecordFile(database, cut, { batchSize: BATCH }).catch((e) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    expect(error.record).toBe(41_155);
    expect(error.message).toContain('truncated');
    expect(await count(database, 'SELECT count(*) AS n FROM training_records')).toBe(
      Math.floor(41_155 / BATCH) * BATCH,
    );
  }, 120_000);
});

describe('importRecordFile on a file changed since its import', () => {
  const BATCH = 2000;

  it('re-reads a same-size copy damaged past its first MiB, fails at the damage, keeps the data', async () => {
    const database = await freshDatabase();
    const file = path.join(dir, 'same-path.tfrecord');
    await copyFile(FIXTURE, file);
    await importRecordFile(database, file, { batchSize: BATCH });
    expect(await importRow(database)).toMatchObject({ status: 'complete' });
    const before = await snapshot(database);

    const DAMAGED = 20_000;
    const offset = await recordOffset(file, DAMAGED);
    expect(offset).toBeGreaterThan(1 << 20);
    const { size } = await stat(file);
    await flipByte(file, offset + 12 + 40, 0xff);
    expect((await stat(file)).size).toBe(size);

    const error = await importRecordFile(database, file, { batchSize: BATCH }).catch((e) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    expect(error).toMatchObject({ file, record: DAMAGED, offset });
    expect(error.message).toMatch(
      new RegExp(`^${file}: record ${DAMAGED} at byte offset ${offset}: payload CRC mismatch`),
    );
    expect(await snapshot(database)).toBe(before);
    const kept = Math.floor(DAMAGED / BATCH) * BATCH;
    expect(await importRow(database)).toMatchObject({ status: 'failed', committed_records: kept });

    // The intact file at the same path: resumes after the last batch the damaged read proved,
    // and is then known as imported without being read again.
    await copyFile(FIXTURE, file);
    const resumed = await importRecordFile(database, file, { batchSize: BATCH });
    expect(resumed.resumedFrom).toBe(await recordOffset(FIXTURE, kept));
    expect(resumed).toMatchObject({ records: 41_156, skipped: 41_156 - kept });
    expect(await snapshot(database)).toBe(before);
    let reads = 0;
    const again = await importRecordFile(database, file, { onProgress: () => reads++ });
    expect(reads).toBe(0);
    expect(again).toMatchObject({ records: 41_156, skipped: 41_156 });
  }, 180_000);

  it('takes a row with the old fingerprint (first MiB and size) as no proof of anything', async () => {
    const database = await freshDatabase();
    const file = path.join(dir, 'old-format.tfrecord');
    await copyFile(FIXTURE, file);
    await importRecordFile(database, file);
    const bytes = await readFile(file);
    const old = `${digest('md5', bytes.subarray(0, 1 << 20))}:${bytes.length}`;
    const proven = `${old}:sha256:${digest('sha256', bytes)}`;
    expect((await importRow(database)).fingerprint).toBe(proven);
    const before = await snapshot(database);

    // A completed import as earlier versions recorded it: read again, every record found
    // stored unchanged, and the proof recorded.
    await database.pool.query('UPDATE record_imports SET fingerprint = $1', [old]);
    let reads = 0;
    const reread = await importRecordFile(database, file, { onProgress: () => reads++ });
    expect(reads).toBeGreaterThan(0);
    expect(reread).toMatchObject({ records: 41_156, skipped: 41_156, resumedFrom: 0 });
    expect(await snapshot(database)).toBe(before);
    expect(await importRow(database)).toMatchObject({ status: 'complete', fingerprint: proven });

    // A different file with that old fingerprint is read, not taken as imported.
    await database.pool.query('UPDATE record_imports SET fingerprint = $1', [old]);
    const offset = await recordOffset(file, 30_000);
    await flipByte(file, offset + 12 + 100);
    const error = await importRecordFile(database, file).catch((e) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    expect(error).toMatchObject({ file, record: 30_000, offset });
    expect(await snapshot(database)).toBe(before);
  }, 180_000);
});

describe('importRecordFile on paths that are not record files', () => {
  it('names the path of an empty file, a directory and a missing file, and stores nothing', async () => {
    const database = await freshDatabase();
    const empty = path.join(dir, 'empty.tfrecord');
    await writeFile(empty, '');
    const folder = path.join(dir, 'folder.tfrecord');
    await mkdir(folder);
    const cases: [string, string][] = [
      [empty, 'is empty (0 bytes)'],
      [folder, 'is a directory'],
      [path.join(dir, 'missing.tfrecord'), 'not found'],
    ];
    for (const [file, problem] of cases) {
      const error = await importRecordFile(database, file).catch((e) => e);
      expect(error).toBeInstanceOf(InputFileError);
      expect(error.message).toBe(`record file ${problem}: ${file}`);
    }
    expect(await count(database, 'SELECT count(*) AS n FROM record_imports')).toBe(0);
    expect(await count(database, 'SELECT count(*) AS n FROM training_records')).toBe(0);
  });
});
