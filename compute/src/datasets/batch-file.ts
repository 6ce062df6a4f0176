import { open, stat } from 'node:fs/promises';
import { DatasetError } from './errors.ts';
import {
  CIFAR10_CHANNELS,
  CIFAR10_CLASSES,
  CIFAR10_IMAGE_BYTES,
  CIFAR10_PLANE_BYTES,
  CIFAR10_RECORD_BYTES,
} from './format.ts';

// Records are read this many at a time (about 3 MB), so a full batch never sits in memory twice.
const CHUNK_RECORDS = 1024;

/**
 * Number of records in a CIFAR-10 binary batch, after checking that the file exists and holds a
 * whole number of records. Only the size is read, so every file of a load is checked before any
 * of them is read in full.
 *
 * @example await countRecords('cifar-10-batches-bin/data_batch_1.bin') // 10000
 */
export async function countRecords(file: string): Promise<number> {
  const size = await fileSize(file);
  if (size === 0) {
    throw new DatasetError(
      { file, record: null },
      `file is empty (a CIFAR-10 batch holds ${CIFAR10_RECORD_BYTES}-byte records)`,
    );
  }
  const rest = size % CIFAR10_RECORD_BYTES;
  if (rest !== 0) {
    const record = Math.floor(size / CIFAR10_RECORD_BYTES);
    const short = CIFAR10_RECORD_BYTES - rest;
    throw new DatasetError(
      { file, record },
      `${size} bytes is not a whole number of ${CIFAR10_RECORD_BYTES}-byte records ` +
        `(record ${record} is short by ${short} ${short === 1 ? 'byte' : 'bytes'})`,
    );
  }
  return size / CIFAR10_RECORD_BYTES;
}

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new DatasetError({ file, record: null }, 'is not a regular file');
    return info.size;
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError({ file, record: null }, describeFsError(error), { cause: error });
  }
}

/**
 * A short reason for a failed file-system call, for a DatasetError message.
 *
 * @example describeFsError(Object.assign(new Error(), { code: 'ENOENT' })) // 'file not found'
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${code ?? String(error)})`;
}

/**
 * Reads the first `count` records of a batch into `images` (NHWC, interleaved) and `labels`,
 * starting at image `at`. CHW planes become HWC here, once, so every consumer sees one layout.
 *
 * @example
 * const images = new Uint8Array(10 * 3072);
 * const labels = new Uint8Array(10);
 * await readRecords('data_batch_1.bin', 10, images, labels, 0);
 */
export async function readRecords(
  file: string,
  count: number,
  images: Uint8Array,
  labels: Uint8Array,
  at: number,
): Promise<void> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new DatasetError({ file, record: null }, describeFsError(error), { cause: error });
  });
  try {
    const chunk = new Uint8Array(Math.min(count, CHUNK_RECORDS) * CIFAR10_RECORD_BYTES);
    for (let first = 0; first < count; first += CHUNK_RECORDS) {
      const records = Math.min(CHUNK_RECORDS, count - first);
      const length = records * CIFAR10_RECORD_BYTES;
      let filled = 0;
      while (filled < length) {
        const position = first * CIFAR10_RECORD_BYTES + filled;
        const { bytesRead } = await handle.read(chunk, filled, length - filled, position);
        if (bytesRead === 0) {
          const record = Math.floor(position / CIFAR10_RECORD_BYTES);
          throw new DatasetError(
            { file, record },
            `record ${record}: file ended at byte ${position} (did it shrink while being read?)`,
          );
        }
        filled += bytesRead;
      }
      for (let r = 0; r < records; r++) {
        decodeRecord(
          file,
          first + r,
          chunk,
          r * CIFAR10_RECORD_BYTES,
          images,
          labels,
          at + first + r,
        );
      }
    }
  } finally {
    await handle.close();
  }
}

function decodeRecord(
  file: string,
  record: number,
  source: Uint8Array,
  offset: number,
  images: Uint8Array,
  labels: Uint8Array,
  image: number,
): void {
  const label = source[offset] as number;
  if (label >= CIFAR10_CLASSES) {
    throw new DatasetError(
      { file, record },
      `record ${record}: label ${label} is not a CIFAR-10 class (0-${CIFAR10_CLASSES - 1})`,
    );
  }
  labels[image] = label;
  const planes = offset + 1;
  const out = image * CIFAR10_IMAGE_BYTES;
  for (let c = 0; c < CIFAR10_CHANNELS; c++) {
    const plane = planes + c * CIFAR10_PLANE_BYTES;
    for (let p = 0; p < CIFAR10_PLANE_BYTES; p++) {
      images[out + p * CIFAR10_CHANNELS + c] = source[plane + p] as number;
    }
  }
}
