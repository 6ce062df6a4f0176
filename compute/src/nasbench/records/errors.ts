/** Where in a record file something went wrong: enough to find the bytes again with `dd`. */
export interface RecordLocation {
  /** Path of the record file, as the caller passed it. */
  file: string;
  /** Byte offset of the record's 12-byte header in the file. */
  offset: number;
  /** Record number, counting from 0 at the start of the file. */
  record: number;
}

/**
 * A record file is damaged or does not hold what NAS-Bench-101 writes. The message names the
 * file, record and byte offset, so a user can tell a truncated download from a bad record.
 *
 * @example
 * throw new RecordFileError(
 *   { file: 'nb101.tfrecord', offset: 567890, record: 1234 },
 *   'payload CRC mismatch (stored 0x1a2b3c4d, computed 0x5e6f7a8b)',
 * );
 * // message: "nb101.tfrecord: record 1234 at byte offset 567890: payload CRC mismatch (…)"
 */
export class RecordFileError extends Error {
  readonly file: string;
  readonly offset: number;
  readonly record: number;
  /** The payload field at fault (`raw_adjacency`, …), or null for framing problems. */
  readonly field: string | null;
  /** The problem (with its field, if any), without the file/record/offset prefix. */
  readonly problem: string;

  constructor(
    where: RecordLocation,
    problem: string,
    options?: { field?: string; cause?: unknown },
  ) {
    const field = options?.field ?? null;
    const detail = field === null ? problem : `field ${field}: ${problem}`;
    const message = `${where.file}: record ${where.record} at byte offset ${where.offset}: ${detail}`;
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RecordFileError';
    this.file = where.file;
    this.offset = where.offset;
    this.record = where.record;
    this.field = field;
    this.problem = detail;
  }
}
