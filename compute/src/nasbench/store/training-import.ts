import { basename } from 'node:path';
import type { Database, PoolClient, Queryable } from '@nngp-nas/db';
import { type NasbenchRecordEntry, readNasbenchRecords } from '../records/index.ts';
import type { ModelSpec } from '../spec.ts';
import { architectureRow } from './architecture-rows.ts';
import { upsertArchitectures } from './architectures.ts';
import { fileFingerprint } from './file-fingerprint.ts';
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
  const { fingerprint, size } = await fileFingerprint(path);
  const job = await beginImport(database.pool, path, fingerprint, size);
  let skipped = job.status === 'complete' && !options.force ? job.committedRecords : 0;
  const startAt = job.status === 'complete' ? 0 : job.committedOffset;
  const startRecord = job.status === 'complete' ? 0 : job.committedRecords;

  if (job.status !== 'complete' || options.force) {
    const verifier = new RecordVerifier();
    let batch: VerifiedEntry[] = [];
    let records = startRecord;
    try {
      for await (const entry of readNasbenchRecords(path, { startOffset: startAt, startRecord })) {
        const where = { file: path, offset: entry.offset, record: entry.index };
        batch.push({ ...entry, spec: verifier.verify(entry.record, where) });
        records++;
        if (batch.length === batchSize) {
          skipped += await commitBatch(database.pool, job.id, batch);
          batch = [];
          options.onProgress?.({ bytes: entry.nextOffset, totalBytes: size, records });
        }
      }
      skipped += await commitBatch(database.pool, job.id, batch);
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
              committed_offset = $2 WHERE id = $1`,
      [job.id, size],
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
    resumedFrom: startAt,
    seconds: (performance.now() - started) / 1000,
  };
}

type VerifiedEntry = NasbenchRecordEntry & { spec: ModelSpec };

interface ImportJob {
  id: number;
  status: 'running' | 'complete' | 'failed';
  committedOffset: number;
  committedRecords: number;
}

/** The import row for this file's content: found again by fingerprint, so a rename still resumes. */
async function beginImport(
  pool: Queryable,
  path: string,
  fingerprint: string,
  size: number,
): Promise<ImportJob> {
  const { rows } = await pool.query<{
    id: number;
    status: ImportJob['status'];
    committed_offset: string;
    committed_records: number;
  }>(
    `INSERT INTO record_imports (path, file_size, fingerprint, status)
     VALUES ($1, $2, $3, 'running')
     ON CONFLICT (fingerprint) DO UPDATE SET path = EXCLUDED.path
     RETURNING id, status, committed_offset, committed_records`,
    [basename(path), size, fingerprint],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`could not register the import of ${path}`);
  if (row.status !== 'complete') {
    await pool.query(`UPDATE record_imports SET status = 'running' WHERE id = $1`, [row.id]);
  }
  return {
    id: row.id,
    status: row.status,
    committedOffset: Number(row.committed_offset),
    committedRecords: row.committed_records,
  };
}

/**
 * One transaction: the batch's modules, its training rows and the import's new resume point.
 * A record's repeat is its rank among the file's records of the same (module, epochs), counted
 * from rows earlier batches of this import stored, so a re-import or resume numbers it the same.
 * Returns how many records were already stored unchanged.
 */
async function commitBatch(
  pool: Database['pool'],
  importId: number,
  batch: readonly VerifiedEntry[],
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
      `UPDATE record_imports SET committed_offset = $2, committed_records = $3 WHERE id = $1`,
      [importId, last.nextOffset, last.index + 1],
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
