import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database, PoolClient } from '@nngp-nas/db';
import { type NasbenchRecordEntry, openInputFile, readNasbenchRecords } from '../records/index.ts';
import type { ModelSpec } from '../spec.ts';
import { architectureRow } from './architecture-rows.ts';
import { upsertArchitectures } from './architectures.ts';
import {
  fileIdentity,
  fingerprintWithProof,
  provenPrefix,
  sha256OfPrefix,
} from './file-fingerprint.ts';
import { analyzeTables } from './planner-statistics.ts';
import { refreshSizeClusters } from './size-clusters.ts';
import { RecordVerifier } from './verified-spec.ts';

export interface ImportSummary {
  /** Records of the file now imported (all of them once the import completes). */
  records: number;
  /** Distinct modules in the file. */
  modules: number;
  /** Most repeats of one (module, epoch budget) in the file. */
  repeats: number;
  /** Records that were already stored exactly as in the file (a re-import skips them all). */
  skipped: number;
  /** Byte offset this run started from (non-zero when it resumed an interrupted import). */
  resumedFrom: number;
  seconds: number;
}

export interface ImportOptions {
  batchSize?: number;
  /** Re-read a file whose import already completed (it still changes nothing if it is unchanged). */
  force?: boolean;
  onProgress?: (progress: { bytes: number; totalBytes: number; records: number }) => void;
}

/**
 * Imports a NAS-Bench-101 record file (nasbench_full / nasbench_only108 format). Every record's
 * CRCs, spec, module hash and parameter count are verified; records are upserted in batched
 * transactions, each of which also moves the import's resume point, so a damaged record or an
 * interruption loses only its own batch and the next run resumes after the last good one.
 * The resume point comes with the sha256 of the file up to it: a completed file is skipped, and
 * an interrupted one resumed, only while the file's bytes still hash to it (the hash is folded
 * into the import's own read; the check is one extra read of that prefix, much faster than an
 * import). A file changed anywhere is re-read from the start, which skips unchanged records.
 * A path that is missing, a directory, unreadable or empty throws InputFileError naming it;
 * damage throws RecordFileError naming file, record and byte offset.
 *
 * @example const summary = await importRecordFile(database, 'nasbench_only108.tfrecord');
 */
export async function importRecordFile(
  database: Database,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2000;
  // Missing, a directory, unreadable or empty: an error naming the path, before anything is stored.
  const { handle, size } = await openInputFile(path, 'record file');
  let identity: string;
  let job: ImportJob;
  let plan: ImportPlan;
  try {
    identity = await fileIdentity(handle, size);
    job = await beginImport(database.pool, path, identity, size);
    plan = await planImport(handle, job, identity, size, options.force ?? false);
  } finally {
    await handle.close();
  }
  let skipped = plan.upToDate ? job.committedRecords : 0;

  if (!plan.upToDate) {
    await database.pool.query(`UPDATE record_imports SET status = 'running' WHERE id = $1`, [
      job.id,
    ]);
    const { hash } = plan;
    // The fingerprint for the bytes read so far: between records, the reader has hashed exactly
    // the frames it yielded, so this proves the prefix up to the batch's last record.
    const proof = () => fingerprintWithProof(identity, hash.copy().digest('hex'));
    const verifier = new RecordVerifier();
    let batch: VerifiedEntry[] = [];
    let records = plan.startRecord;
    try {
      const entries = readNasbenchRecords(path, {
        startOffset: plan.startAt,
        startRecord: plan.startRecord,
        onFrame: (frame) => hash.update(frame),
      });
      for await (const entry of entries) {
        const where = { file: path, offset: entry.offset, record: entry.index };
        batch.push({ ...entry, spec: verifier.verify(entry.record, where) });
        records++;
        if (batch.length === batchSize) {
          skipped += await commitBatch(database.pool, job.id, batch, proof());
          batch = [];
          options.onProgress?.({ bytes: entry.nextOffset, totalBytes: size, records });
        }
      }
      skipped += await commitBatch(database.pool, job.id, batch, proof());
      options.onProgress?.({ bytes: size, totalBytes: size, records });
    } catch (error) {
      await database.pool.query(
        `UPDATE record_imports SET status = 'failed', error = $2 WHERE id = $1`,
        [job.id, error instanceof Error ? error.message : String(error)],
      );
      throw error;
    }
    await database.pool.query(
      `UPDATE record_imports SET status = 'complete', error = NULL, finished_at = now(),
              committed_offset = $2, fingerprint = $3 WHERE id = $1`,
      [job.id, size, proof()],
    );
    await refreshSizeClusters(database.pool);
    await analyzeTables(database.pool, ['training_records']);
  }
  const totals = await database.pool.query<{
    records: string;
    modules: string;
    repeats: number | null;
  }>(
    `SELECT count(*) AS records, count(DISTINCT module_hash) AS modules, max(repeat) + 1 AS repeats
       FROM training_records WHERE source_import_id = $1`,
    [job.id],
  );
  const t = totals.rows[0];
  return {
    records: Number(t?.records ?? 0),
    modules: Number(t?.modules ?? 0),
    repeats: t?.repeats ?? 0,
    skipped,
    resumedFrom: plan.upToDate ? 0 : plan.startAt,
    seconds: (performance.now() - started) / 1000,
  };
}

type VerifiedEntry = NasbenchRecordEntry & { spec: ModelSpec };

interface ImportJob {
  id: number;
  status: 'running' | 'complete' | 'failed';
  fingerprint: string;
  committedOffset: number;
  committedRecords: number;
}

/** Where this run reads from, and the sha256 of the file up to there. */
interface ImportPlan {
  /** The row's proof covers the whole file and its import completed: nothing to read. */
  upToDate: boolean;
  startAt: number;
  startRecord: number;
  hash: Hash;
}

/**
 * The import row for this file's identity: found again by content, so a rename, an interrupted
 * import or a damaged copy of the same file resumes. Created when there is none, under a lock,
 * because two imports of one new file would otherwise each create one.
 */
async function beginImport(
  pool: Database['pool'],
  path: string,
  identity: string,
  size: number,
): Promise<ImportJob> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `record_imports ${identity}`,
    ]);
    const columns = 'id, status, fingerprint, committed_offset, committed_records';
    const found = await client.query<ImportJobRow>(
      `UPDATE record_imports SET path = $2
        WHERE fingerprint = $1 OR starts_with(fingerprint, $1 || ':') RETURNING ${columns}`,
      [identity, basename(path)],
    );
    const { rows } =
      found.rows.length > 0
        ? found
        : await client.query<ImportJobRow>(
            `INSERT INTO record_imports (path, file_size, fingerprint, status)
             VALUES ($1, $2, $3, 'running') RETURNING ${columns}`,
            [basename(path), size, identity],
          );
    await client.query('COMMIT');
    const row = rows[0];
    if (row === undefined) throw new Error(`could not register the import of ${path}`);
    return {
      id: row.id,
      status: row.status,
      fingerprint: row.fingerprint,
      committedOffset: Number(row.committed_offset),
      committedRecords: row.committed_records,
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

interface ImportJobRow {
  id: number;
  status: ImportJob['status'];
  fingerprint: string;
  committed_offset: string;
  committed_records: number;
}

/**
 * Resumes after the row's committed prefix only if this file's prefix hashes to the row's
 * proof (for a completed import: the whole file, so an unchanged file is not read again);
 * otherwise, and always with `force`, reads from the start. See file-fingerprint.ts.
 */
async function planImport(
  handle: FileHandle,
  job: ImportJob,
  identity: string,
  size: number,
  force: boolean,
): Promise<ImportPlan> {
  const fromStart = { upToDate: false, startAt: 0, startRecord: 0, hash: createHash('sha256') };
  const proof = provenPrefix(job.fingerprint, identity);
  if (force || proof === null || job.committedOffset > size) return fromStart;
  const hash = await sha256OfPrefix(handle, job.committedOffset);
  if (hash.copy().digest('hex') !== proof) return fromStart;
  return {
    upToDate: job.status === 'complete' && job.committedOffset === size,
    startAt: job.committedOffset,
    startRecord: job.committedRecords,
    hash,
  };
}

/**
 * One transaction: the batch's modules, its training rows and the import's new resume point
 * with the fingerprint proving the file up to it.
 * A record's repeat is its rank among the file's records of the same (module, epochs), counted
 * from rows earlier batches of this import stored, so a re-import or resume numbers it the same.
 * Returns how many records were already stored unchanged.
 */
async function commitBatch(
  pool: Database['pool'],
  importId: number,
  batch: readonly VerifiedEntry[],
  fingerprint: string,
): Promise<number> {
  if (batch.length === 0) return 0;
  const first = batch[0] as VerifiedEntry;
  const last = batch[batch.length - 1] as VerifiedEntry;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const modules = new Map<string, ReturnType<typeof architectureRow>>();
    for (const { record, spec } of batch) {
      if (modules.has(record.moduleHash)) continue;
      modules.set(record.moduleHash, architectureRow(record.moduleHash, spec.matrix, spec.ops));
    }
    await upsertArchitectures(client, [...modules.values()]);

    const earlier = await client.query<{ module_hash: string; epochs: number; n: string }>(
      `SELECT module_hash, epochs, count(*) AS n FROM training_records
        WHERE source_import_id = $1 AND source_offset < $2 AND module_hash = ANY($3::text[])
        GROUP BY module_hash, epochs`,
      [importId, first.offset, [...modules.keys()]],
    );
    const seen = new Map(earlier.rows.map((r) => [`${r.module_hash}/${r.epochs}`, Number(r.n)]));
    const repeats = batch.map(({ record }) => {
      const key = `${record.moduleHash}/${record.epochs}`;
      const repeat = seen.get(key) ?? 0;
      seen.set(key, repeat + 1);
      return repeat;
    });

    const written = await upsertTrainingRows(client, importId, batch, repeats);
    await client.query(
      `UPDATE record_imports SET committed_offset = $2, committed_records = $3, fingerprint = $4
        WHERE id = $1`,
      [importId, last.nextOffset, last.index + 1, fingerprint],
    );
    await client.query('COMMIT');
    return batch.length - written;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const TRAINING_COLUMNS = [
  'halfway_train_accuracy',
  'halfway_validation_accuracy',
  'halfway_test_accuracy',
  'halfway_training_time',
  'final_train_accuracy',
  'final_validation_accuracy',
  'final_test_accuracy',
  'final_training_time',
  'total_time',
  'source_import_id',
  'source_offset',
] as const;

/** Upserts the rows; a row already holding the same values is not touched. Returns rows written. */
async function upsertTrainingRows(
  client: PoolClient,
  importId: number,
  batch: readonly NasbenchRecordEntry[],
  repeats: readonly number[],
): Promise<number> {
  const evaluation = (e: NasbenchRecordEntry, i: number) => e.record.metrics.evaluationData[i];
  const columns: unknown[][] = [
    batch.map((e) => e.record.moduleHash),
    batch.map((e) => e.record.epochs),
    [...repeats],
    batch.map((e) => evaluation(e, 1)?.trainAccuracy ?? null),
    batch.map((e) => evaluation(e, 1)?.validationAccuracy ?? null),
    batch.map((e) => evaluation(e, 1)?.testAccuracy ?? null),
    batch.map((e) => evaluation(e, 1)?.trainingTime ?? null),
    batch.map((e) => evaluation(e, 2)?.trainAccuracy ?? null),
    batch.map((e) => evaluation(e, 2)?.validationAccuracy ?? null),
    batch.map((e) => evaluation(e, 2)?.testAccuracy ?? null),
    batch.map((e) => evaluation(e, 2)?.trainingTime ?? null),
    batch.map((e) => e.record.metrics.totalTime),
    batch.map(() => importId),
    batch.map((e) => e.offset),
  ];
  const names = ['module_hash', 'epochs', 'repeat', ...TRAINING_COLUMNS];
  const types = ['text', 'smallint', 'smallint', ...Array(9).fill('float8'), 'integer', 'bigint'];
  const result = await client.query(
    `INSERT INTO training_records (${names.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
     ON CONFLICT (module_hash, epochs, repeat) DO UPDATE SET
       ${TRAINING_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
     WHERE (${TRAINING_COLUMNS.map((c) => `training_records.${c}`).join(', ')})
           IS DISTINCT FROM (${TRAINING_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')})`,
    columns,
  );
  return result.rowCount ?? 0;
}
