import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32c, maskCrc } from './crc32c.ts';
import {
  MAX_TFRECORD_PAYLOAD_BYTES,
  TFRECORD_FOOTER_BYTES,
  TFRECORD_HEADER_BYTES,
} from './tfrecord.ts';

/**
 * Frames one payload as a TFRecord: length, masked CRC of the length, payload, masked CRC of
 * the payload. Refuses payloads the reader would refuse.
 *
 * @example
 * const frame = encodeTfRecord(Buffer.from('["…", 108, …]'));
 * frame.length === payload.length + 16;
 */
export function encodeTfRecord(payload: Uint8Array): Buffer {
  const length = payload.length;
  if (length > MAX_TFRECORD_PAYLOAD_BYTES) {
    throw new RangeError(
      `encodeTfRecord: payload of ${length} bytes exceeds the ${MAX_TFRECORD_PAYLOAD_BYTES}-byte limit`,
    );
  }
  const frame = Buffer.allocUnsafe(TFRECORD_HEADER_BYTES + length + TFRECORD_FOOTER_BYTES);
  frame.writeBigUInt64LE(BigInt(length), 0);
  frame.writeUInt32LE(maskCrc(crc32c(frame, 0, 0, 8)), 8);
  frame.set(payload, TFRECORD_HEADER_BYTES);
  frame.writeUInt32LE(maskCrc(crc32c(payload)), TFRECORD_HEADER_BYTES + length);
  return frame;
}

/**
 * Writes payloads as a TFRecord file (replacing any file at `path`); resolves to the number
 * of records written.
 *
 * @example
 * await writeTfRecords('/tmp/two.tfrecord', [Buffer.from('a'), Buffer.from('b')]); // 2
 */
export async function writeTfRecords(
  path: string,
  payloads: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<number> {
  let count = 0;
  async function* frames(): AsyncGenerator<Buffer> {
    for await (const payload of payloads) {
      count++;
      yield encodeTfRecord(payload);
    }
  }
  await pipeline(Readable.from(frames()), createWriteStream(path));
  return count;
}
