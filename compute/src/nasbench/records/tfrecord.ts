import { crc32c, maskCrc } from './crc32c.ts';
import { RecordFileError, type RecordLocation } from './errors.ts';
import { FileWindow } from './file-window.ts';
import { openInputFile } from './input-file.ts';

/** u64 LE payload length, then u32 LE masked CRC-32C of those 8 bytes. */
export const TFRECORD_HEADER_BYTES = 12;
/** u32 LE masked CRC-32C of the payload. */
export const TFRECORD_FOOTER_BYTES = 4;
/**
 * NAS-Bench-101 payloads are a few hundred bytes; a length beyond this means a corrupt header
 * that happened to pass its CRC, or not a record file at all, and must not trigger a huge read.
 */
export const MAX_TFRECORD_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** Large enough that a 2 GB file takes ~2,000 reads, small enough to be irrelevant in memory. */
const DEFAULT_BUFFER_BYTES = 1024 * 1024;

/** One record as framed in the file. */
export interface TfRecord {
  /** Byte offset of the record's header. */
  offset: number;
  /** Record number, counting from 0 at the start of the file. */
  index: number;
  /** Byte offset just past this record: where to resume after it. */
  nextOffset: number;
  /** The payload, both CRCs verified; a copy the caller owns. */
  payload: Buffer;
}

export interface ReadTfRecordsOptions {
  /**
   * Byte offset of a record header to start at (a `nextOffset` from an earlier read).
   * Requires `startRecord`, the number of that record, so that `index` stays file-wide.
   */
  startOffset?: number;
  /**
   * Number of the first record to yield. Alone, records before it are read and checked but
   * not yielded; with `startOffset`, it is the number of the record found there.
   */
  startRecord?: number;
  /** Initial read buffer size in bytes (it grows for larger records); for tests and tuning. */
  bufferSize?: number;
  /**
   * Called with each record's whole frame (header, payload, CRC) once both CRCs check, in file
   * order, before the record is yielded. From the start of the file (or `startOffset`) to the
   * end, the frames are exactly the file's bytes, so a hash fed here is the file's hash without
   * a second read. The buffer is only valid during the call.
   */
  onFrame?: (frame: Buffer) => void;
}

/**
 * Streams the records of a TFRecord file, verifying the length CRC and the payload CRC of
 * every record, with memory bounded by the largest record (not the file).
 *
 * Throws RecordFileError (naming file, record number and byte offset) on a CRC mismatch, a
 * truncated record or an absurd length; records before the damage are yielded first. A path
 * that is missing, a directory or unreadable throws InputFileError naming it; an empty file
 * holds no records.
 *
 * @example
 * for await (const { offset, index, payload } of readTfRecords('nasbench_full.tfrecord')) {
 *   console.log(index, offset, payload.length);
 * }
 * // resume after record 41 whose nextOffset was saved as 10940:
 * readTfRecords('nasbench_full.tfrecord', { startOffset: 10940, startRecord: 42 });
 */
export async function* readTfRecords(
  path: string,
  options: ReadTfRecordsOptions = {},
): AsyncGenerator<TfRecord, void, undefined> {
  const { startOffset, firstIndex, firstYielded } = resolveStart(options);
  const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_BYTES;
  if (!Number.isSafeInteger(bufferSize) || bufferSize < 1) {
    throw new RangeError(`readTfRecords: bufferSize must be a positive integer, got ${bufferSize}`);
  }
  const { handle, size } = await openInputFile(path, 'record file', { allowEmpty: true });
  try {
    if (startOffset > size) {
      throw new RecordFileError(
        { file: path, offset: startOffset, record: firstIndex },
        `start offset is past the end of the file (${size} bytes)`,
      );
    }
    const window = new FileWindow(handle, startOffset, bufferSize);
    for (let index = firstIndex; ; index++) {
      const where: RecordLocation = { file: path, offset: window.offset, record: index };
      if (!(await window.fill(TFRECORD_HEADER_BYTES))) {
        if (window.available === 0) return;
        throw new RecordFileError(
          where,
          `truncated: only ${window.available} of the ${TFRECORD_HEADER_BYTES} header bytes remain`,
        );
      }
      const length = checkedLength(window.peek(TFRECORD_HEADER_BYTES), where);
      const frameBytes = TFRECORD_HEADER_BYTES + length + TFRECORD_FOOTER_BYTES;
      if (!(await window.fill(frameBytes))) {
        throw truncated(where, length, window.available - TFRECORD_HEADER_BYTES);
      }
      const frame = window.peek(frameBytes);
      const payload = frame.subarray(TFRECORD_HEADER_BYTES, TFRECORD_HEADER_BYTES + length);
      const stored = frame.readUInt32LE(TFRECORD_HEADER_BYTES + length);
      const computed = maskCrc(crc32c(payload));
      if (stored !== computed) {
        throw new RecordFileError(
          where,
          `payload CRC mismatch (stored ${hex(stored)}, computed ${hex(computed)})`,
        );
      }
      options.onFrame?.(frame);
      window.consume(frameBytes);
      if (index >= firstYielded) {
        // A copy, because the window's buffer is overwritten by the next read.
        const owned = Buffer.from(payload);
        yield { offset: where.offset, index, nextOffset: window.offset, payload: owned };
      }
    }
  } finally {
    await handle.close();
  }
}

function resolveStart(options: ReadTfRecordsOptions): {
  startOffset: number;
  firstIndex: number;
  firstYielded: number;
} {
  const { startOffset, startRecord } = options;
  for (const [name, value] of [
    ['startOffset', startOffset],
    ['startRecord', startRecord],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RangeError(`readTfRecords: ${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (startOffset !== undefined && startOffset > 0 && startRecord === undefined) {
    throw new RangeError(
      'readTfRecords: startOffset needs startRecord (the number of the record at that offset), ' +
        'so that record numbers stay counted from the start of the file',
    );
  }
  if (startOffset === undefined || startOffset === 0) {
    return { startOffset: 0, firstIndex: 0, firstYielded: startRecord ?? 0 };
  }
  const first = startRecord ?? 0;
  return { startOffset, firstIndex: first, firstYielded: first };
}

/** Payload length from a header, after checking the header's own CRC. */
function checkedLength(header: Buffer, where: RecordLocation): number {
  const stored = header.readUInt32LE(8);
  const computed = maskCrc(crc32c(header, 0, 0, 8));
  if (stored !== computed) {
    throw new RecordFileError(
      where,
      `length header CRC mismatch (stored ${hex(stored)}, computed ${hex(computed)})`,
    );
  }
  const low = header.readUInt32LE(0);
  const high = header.readUInt32LE(4);
  if (high !== 0 || low > MAX_TFRECORD_PAYLOAD_BYTES) {
    throw new RecordFileError(
      where,
      `absurd payload length ${header.readBigUInt64LE(0)} bytes (limit ${MAX_TFRECORD_PAYLOAD_BYTES})`,
    );
  }
  return low;
}

function truncated(where: RecordLocation, length: number, remain: number): RecordFileError {
  if (remain < length) {
    return new RecordFileError(
      where,
      `truncated: header says ${length} bytes of payload, ${remain} remain`,
    );
  }
  return new RecordFileError(
    where,
    `truncated: the ${length}-byte payload is complete but only ${remain - length} of its ` +
      `${TFRECORD_FOOTER_BYTES} CRC bytes remain`,
  );
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
