import { countRecords, readRecords } from './batch-file.ts';
import { CIFAR10_IMAGE_BYTES, CIFAR10_TEST_BATCH, CIFAR10_TRAIN_BATCHES } from './format.ts';
import { resolveBatchFiles } from './sources.ts';

/** Images and labels of one or more CIFAR-10 batches, in file and record order. */
export interface Cifar10Data {
  /** count × 32 × 32 × 3 raw bytes, NHWC with channels interleaved (R, G, B per pixel). */
  images: Uint8Array;
  /** One class index (0-9) per image. */
  labels: Uint8Array;
  count: number;
  /** The files the images came from, in order (later files a `limit` made unnecessary are left out). */
  files: string[];
}

export interface Cifar10LoadOptions {
  /** Load at most this many images, the first ones in file order. */
  limit?: number;
}

/**
 * Loads CIFAR-10 training images from the official binary batches: a list of batch files, one
 * file, or a directory (cifar-10-batches-bin/), where data_batch_1.bin … data_batch_5.bin are
 * read, those present, in order.
 *
 * @example
 * const { images, labels, count } = await loadCifar10('data/cifar-10-batches-bin', { limit: 1000 });
 * const first4000 = await loadCifar10(['../shared/data/cifar10/data_batch_1_first4000.bin']);
 */
export async function loadCifar10(
  source: string | readonly string[],
  options: Cifar10LoadOptions = {},
): Promise<Cifar10Data> {
  const files = await resolveBatchFiles(source, CIFAR10_TRAIN_BATCHES, 'training batch');
  return loadBatches(files, options.limit);
}

/**
 * Loads the CIFAR-10 test split: test_batch.bin in a directory, or the given file(s).
 *
 * @example
 * const test = await loadCifar10Test('data/cifar-10-batches-bin'); // test.count === 10000
 */
export async function loadCifar10Test(
  source: string | readonly string[],
  options: Cifar10LoadOptions = {},
): Promise<Cifar10Data> {
  const files = await resolveBatchFiles(source, [CIFAR10_TEST_BATCH], 'test batch');
  return loadBatches(files, options.limit);
}

async function loadBatches(files: string[], limit: number | undefined): Promise<Cifar10Data> {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  // Sizes first: a damaged fifth batch should fail before four good ones are read.
  const counts: number[] = [];
  for (const file of files) counts.push(await countRecords(file));
  const total = counts.reduce((sum, n) => sum + n, 0);
  const count = Math.min(total, limit ?? total);

  const images = new Uint8Array(count * CIFAR10_IMAGE_BYTES);
  const labels = new Uint8Array(count);
  const used: string[] = [];
  let at = 0;
  for (const [i, file] of files.entries()) {
    if (at === count) break;
    const take = Math.min(counts[i] as number, count - at);
    await readRecords(file, take, images, labels, at);
    used.push(file);
    at += take;
  }
  return { images, labels, count, files: used };
}
