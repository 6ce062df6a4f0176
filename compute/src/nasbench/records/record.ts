import { RecordFileError, type RecordLocation } from './errors.ts';
import { decodeModelMetrics, type ModelMetrics } from './metrics.ts';
import { type ReadTfRecordsOptions, readTfRecords } from './tfrecord.ts';

/** One NAS-Bench-101 record: one training run of one module at one epoch budget. */
export interface NasbenchRecord {
  /** As stored; not recomputed or verified here (the search-space module does that). */
  moduleHash: string;
  /** Training budget: 4, 12, 36 or 108 in NAS-Bench-101. */
  epochs: number;
  /** V×V 0/1 adjacency, row-major as stored (row = from-vertex). */
  matrix: number[][];
  /** The stored '0'/'1' string, kept because hashing and de-duplication can key on it. */
  matrixText: string;
  /** One operation per vertex: 'input', …, 'output'. */
  operations: string[];
  metrics: ModelMetrics;
}

/** A parsed record with its place in the file. */
export interface NasbenchRecordEntry {
  /** Byte offset of the record's header. */
  offset: number;
  /** Record number, counting from 0 at the start of the file. */
  index: number;
  /** Byte offset just past this record: pass it as `startOffset` (with `startRecord: index + 1`) to resume. */
  nextOffset: number;
  record: NasbenchRecord;
}

const FIELDS = ['module_hash', 'epochs', 'raw_adjacency', 'raw_operations', 'raw_metrics'] as const;
const MODULE_HASH = /^[0-9a-f]{32}$/;
const ADJACENCY = /^[01]+$/;
// Python's base64.b64encode output: standard alphabet, padded. Node's decoder silently skips
// anything else, so without this check a damaged string would decode to wrong metrics.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a NAS-Bench-101 payload, the UTF-8 JSON
 * `[module_hash, epochs, raw_adjacency, raw_operations, raw_metrics]`.
 * Throws RecordFileError naming `where` and the faulty field on any malformation.
 *
 * @example
 * const record = parseNasbenchRecord(payload, { file: 'nasbench_full.tfrecord', offset: 0, record: 0 });
 * record.matrix.length === record.operations.length;
 */
export function parseNasbenchRecord(payload: Uint8Array, where: RecordLocation): NasbenchRecord {
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(payload);
  } catch (error) {
    throw invalid(where, null, 'payload is not valid UTF-8', error);
  }
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(where, null, `payload is not valid JSON (${(error as Error).message})`, error);
  }
  if (!Array.isArray(json) || json.length !== FIELDS.length) {
    const got = Array.isArray(json) ? `an array of ${json.length}` : describe(json);
    throw invalid(where, null, `payload must be a JSON array [${FIELDS.join(', ')}], got ${got}`);
  }
  const [moduleHash, epochs, matrixText, rawOperations, rawMetrics] = json as unknown[];

  if (typeof moduleHash !== 'string' || !MODULE_HASH.test(moduleHash)) {
    throw invalid(
      where,
      'module_hash',
      `expected 32 lowercase hex digits, got ${describe(moduleHash)}`,
    );
  }
  if (typeof epochs !== 'number' || !Number.isSafeInteger(epochs) || epochs <= 0) {
    throw invalid(where, 'epochs', `expected a positive integer, got ${describe(epochs)}`);
  }

  if (typeof matrixText !== 'string' || !ADJACENCY.test(matrixText)) {
    throw invalid(
      where,
      'raw_adjacency',
      `expected a non-empty string of '0'/'1', got ${describe(matrixText)}`,
    );
  }
  const vertices = Math.round(Math.sqrt(matrixText.length));
  if (vertices * vertices !== matrixText.length) {
    throw invalid(where, 'raw_adjacency', `length ${matrixText.length} is not a perfect square`);
  }
  const matrix = toMatrix(matrixText, vertices);

  if (typeof rawOperations !== 'string') {
    throw invalid(
      where,
      'raw_operations',
      `expected a comma-separated string, got ${describe(rawOperations)}`,
    );
  }
  const operations = rawOperations.split(',');
  if (operations.length !== vertices) {
    throw invalid(
      where,
      'raw_operations',
      `${operations.length} operations for ${vertices} vertices (raw_adjacency is ${vertices}x${vertices})`,
    );
  }
  if (operations.some((op) => op.trim() === '')) {
    throw invalid(
      where,
      'raw_operations',
      `empty operation name in ${JSON.stringify(rawOperations)}`,
    );
  }

  if (typeof rawMetrics !== 'string' || !BASE64.test(rawMetrics)) {
    throw invalid(
      where,
      'raw_metrics',
      `expected padded standard base64, got ${describe(rawMetrics)}`,
    );
  }
  let metrics: ModelMetrics;
  try {
    metrics = decodeModelMetrics(Buffer.from(rawMetrics, 'base64'));
  } catch (error) {
    throw invalid(where, 'raw_metrics', (error as Error).message, error);
  }

  return { moduleHash, epochs, matrix, matrixText, operations, metrics };
}

/**
 * Streams and parses every record of a NAS-Bench-101 file (`nasbench_full.tfrecord`,
 * `nasbench_only108.tfrecord`). Options are those of readTfRecords; errors are RecordFileError.
 *
 * @example
 * for await (const { index, nextOffset, record } of readNasbenchRecords('nasbench_only108.tfrecord')) {
 *   if (index % 10000 === 0) saveCheckpoint({ startOffset: nextOffset, startRecord: index + 1 });
 *   console.log(record.moduleHash, record.metrics.evaluationData[2]?.validationAccuracy);
 * }
 */
export async function* readNasbenchRecords(
  path: string,
  options: ReadTfRecordsOptions = {},
): AsyncGenerator<NasbenchRecordEntry, void, undefined> {
  for await (const { offset, index, nextOffset, payload } of readTfRecords(path, options)) {
    const record = parseNasbenchRecord(payload, { file: path, offset, record: index });
    yield { offset, index, nextOffset, record };
  }
}

/** The error for a malformed payload; `field` is null when the payload as a whole is at fault. */
function invalid(
  where: RecordLocation,
  field: string | null,
  problem: string,
  cause?: unknown,
): RecordFileError {
  return new RecordFileError(where, problem, { ...(field !== null && { field }), cause });
}

/** Rows of the row-major 0/1 text. Plain loops: Array.from({ length }) is ~40x slower here. */
function toMatrix(text: string, vertices: number): number[][] {
  const rows: number[][] = [];
  for (let from = 0; from < vertices; from++) {
    const row: number[] = [];
    for (let to = 0; to < vertices; to++) row.push(text.charCodeAt(from * vertices + to) - 48);
    rows.push(row);
  }
  return rows;
}

/** A short, safe rendering of an unexpected JSON value for error messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
