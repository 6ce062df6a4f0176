import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cifar10Data, loadCifar10, loadCifar10Test } from '../../src/datasets/index.ts';
import { EXPECTED, nhwc, rejection, sameBytes, TEST_FILE, TRAIN_FILE, tempDir } from './helpers.ts';

let train: Cifar10Data;
let test: Cifar10Data;

beforeAll(async () => {
  train = await loadCifar10([TRAIN_FILE]);
  test = await loadCifar10Test([TEST_FILE]);
});

describe.each([
  ['training subset', () => train, EXPECTED.train, TRAIN_FILE],
  ['test subset', () => test, EXPECTED.test, TEST_FILE],
])('%s', (_name, data, expected, file) => {
  it('has the expected count, labels and class counts', () => {
    const { count, images, labels, files } = data();
    expect(count).toBe(expected.count);
    expect(images).toHaveLength(expected.count * 3072);
    expect(labels).toHaveLength(expected.count);
    expect(files).toEqual([file]);
    expect([...labels.subarray(0, 10)]).toEqual(expected.firstLabels);
    const counts = new Array<number>(10).fill(0);
    for (const label of labels) counts[label] = (counts[label] as number) + 1;
    expect(counts).toEqual(expected.classCounts);
  });

  it('stores pixels NHWC, as numpy reads them from the CHW planes', () => {
    const { images } = data();
    for (const { image, row, col, channel, value } of expected.pixels) {
      expect(images[nhwc(image, row, col, channel)], `${image},${row},${col},${channel}`).toBe(
        value,
      );
    }
  });

  it('has numpy’s per-channel means over the first images', () => {
    const { images } = data();
    const sums = [0, 0, 0];
    for (let k = 0; k < expected.meanImages * 3072; k++) {
      sums[k % 3] = (sums[k % 3] as number) + (images[k] as number);
    }
    const means = sums.map((sum) => sum / (expected.meanImages * 1024));
    for (const [c, mean] of means.entries())
      expect(mean).toBeCloseTo(expected.channelMeans[c] as number, 9);
  });
});

describe('sources and limits', () => {
  it('starts with the labels the README states', () => {
    expect([...train.labels.subarray(0, 5)]).toEqual([6, 9, 9, 4, 1]);
    expect([...test.labels.subarray(0, 5)]).toEqual([3, 8, 8, 0, 6]);
  });

  it('loads a single file given as a string', async () => {
    const data = await loadCifar10(TEST_FILE);
    expect(data.count).toBe(1000);
    expect(sameBytes(data.labels, test.labels)).toBe(true);
  });

  it('concatenates a list of files in order', async () => {
    const both = await loadCifar10([TRAIN_FILE, TEST_FILE]);
    expect(both.count).toBe(5000);
    expect(both.files).toEqual([TRAIN_FILE, TEST_FILE]);
    expect(sameBytes(both.labels.subarray(0, 4000), train.labels)).toBe(true);
    expect(sameBytes(both.labels.subarray(4000), test.labels)).toBe(true);
    expect(sameBytes(both.images.subarray(4000 * 3072), test.images)).toBe(true);
  });

  it('stops at the limit, across files, and lists only the files it read', async () => {
    const ten = await loadCifar10([TRAIN_FILE, TEST_FILE], { limit: 10 });
    expect(ten).toMatchObject({ count: 10, files: [TRAIN_FILE] });
    expect(sameBytes(ten.images, train.images.subarray(0, 10 * 3072))).toBe(true);
    const across = await loadCifar10([TRAIN_FILE, TEST_FILE], { limit: 4005 });
    expect(across.files).toEqual([TRAIN_FILE, TEST_FILE]);
    expect([...across.labels.subarray(4000)]).toEqual([3, 8, 8, 0, 6]);
    expect((await loadCifar10([TEST_FILE], { limit: 1_000_000 })).count).toBe(1000);
  });

  it('rejects a limit that is not a positive integer, and an empty list', async () => {
    for (const limit of [0, -1, 2.5, Number.NaN]) {
      const error = await rejection(loadCifar10([TEST_FILE], { limit }));
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toBe(`limit must be a positive integer, got ${limit}`);
    }
    expect((await rejection(loadCifar10([]))).message).toBe(
      'no CIFAR-10 training batch files given',
    );
  });

  it('reads the official layout of a directory: the batches present, in order', async () => {
    const dir = await tempDir();
    // Links, not copies: the official names over the shared subsets.
    await symlink(TEST_FILE, path.join(dir, 'data_batch_3.bin'));
    await symlink(TRAIN_FILE, path.join(dir, 'data_batch_1.bin'));
    await symlink(TEST_FILE, path.join(dir, 'test_batch.bin'));
    await writeFile(path.join(dir, 'batches.meta.txt'), 'airplane\n');
    const data = await loadCifar10(dir);
    expect(data.files).toEqual([
      path.join(dir, 'data_batch_1.bin'),
      path.join(dir, 'data_batch_3.bin'),
    ]);
    expect(data.count).toBe(5000);
    const testData = await loadCifar10Test(dir);
    expect(testData.files).toEqual([path.join(dir, 'test_batch.bin')]);
    expect(sameBytes(testData.labels, test.labels)).toBe(true);
  });

  it('ignores a directory in place of a batch file', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'data_batch_1.bin'));
    await symlink(TEST_FILE, path.join(dir, 'data_batch_2.bin'));
    expect((await loadCifar10(dir)).files).toEqual([path.join(dir, 'data_batch_2.bin')]);
  });
});
