import { copyFile, mkdir, open, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetError, loadCifar10, loadCifar10Test } from '../../src/datasets/index.ts';
import { rejection, TEST_FILE, TRAIN_FILE, tempDir } from './helpers.ts';

let dir = '';

beforeAll(async () => {
  dir = await tempDir();
});

/** A copy of the 4000-image subset under `name`, in its own directory. */
async function copyOfTrain(name: string): Promise<string> {
  const folder = await mkdir(path.join(dir, name), { recursive: true }).then(() =>
    path.join(dir, name),
  );
  const file = path.join(folder, 'data_batch_1.bin');
  await copyFile(TRAIN_FILE, file);
  return file;
}

async function datasetError(promise: Promise<unknown>): Promise<DatasetError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe('damaged batch files', () => {
  it('names the short record of a file cut by one byte', async () => {
    const file = await copyOfTrain('cut-one');
    await truncate(file, 4000 * 3073 - 1);
    const error = await datasetError(loadCifar10([file]));
    expect(error).toMatchObject({ file, record: 3999 });
    expect(error.message).toBe(
      `${file}: 12291999 bytes is not a whole number of 3073-byte records (record 3999 is short by 1 byte)`,
    );
  });

  it('counts missing bytes in the plural', async () => {
    const file = await copyOfTrain('cut-many');
    await truncate(file, 10 * 3073 + 73);
    const error = await datasetError(loadCifar10([file]));
    expect(error).toMatchObject({ file, record: 10 });
    expect(error.problem).toBe(
      '30803 bytes is not a whole number of 3073-byte records (record 10 is short by 3000 bytes)',
    );
  });

  it('names the record whose label is not a class', async () => {
    const file = await copyOfTrain('label-12');
    const handle = await open(file, 'r+');
    await handle.write(Uint8Array.of(12), 0, 1, 17 * 3073);
    await handle.close();
    const error = await datasetError(loadCifar10([file]));
    expect(error).toMatchObject({ file, record: 17 });
    expect(error.message).toBe(`${file}: record 17: label 12 is not a CIFAR-10 class (0-9)`);
    // Records before the damage are fine: a limit that stops short of it loads.
    expect((await loadCifar10([file], { limit: 17 })).count).toBe(17);
  });

  it('checks every file’s size before reading any', async () => {
    const bad = await copyOfTrain('late');
    await truncate(bad, 3073 * 2 + 5);
    const error = await datasetError(loadCifar10([TRAIN_FILE, bad]));
    expect(error).toMatchObject({ file: bad, record: 2 });
  });

  it('rejects an empty file', async () => {
    const file = path.join(dir, 'empty.bin');
    await writeFile(file, new Uint8Array(0));
    const error = await datasetError(loadCifar10([file]));
    expect(error).toMatchObject({ file, record: null });
    expect(error.message).toBe(`${file}: file is empty (a CIFAR-10 batch holds 3073-byte records)`);
  });
});

describe('missing files and directories', () => {
  it('names a missing file of a list', async () => {
    const file = path.join(dir, 'nowhere', 'data_batch_2.bin');
    const error = await datasetError(loadCifar10([TRAIN_FILE, file]));
    expect(error).toMatchObject({ file, record: null });
    expect(error.message).toBe(`${file}: file not found`);
  });

  it('names a missing source directory', async () => {
    const source = path.join(dir, 'no-such-dir');
    const error = await datasetError(loadCifar10(source));
    expect(error.message).toBe(`${source}: no such file or directory`);
  });

  it('lists the names it looked for in a directory without batches', async () => {
    const source = path.join(dir, 'no-batches');
    await mkdir(source);
    await copyFile(TEST_FILE, path.join(source, 'data_batch_1_first4000.bin'));
    const error = await datasetError(loadCifar10(source));
    expect(error).toMatchObject({ file: source, record: null });
    expect(error.message).toBe(
      `${source}: no CIFAR-10 training batch found in this directory (looked for ` +
        'data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin)',
    );
    const testError = await datasetError(loadCifar10Test(source));
    expect(testError.message).toBe(
      `${source}: no CIFAR-10 test batch found in this directory (looked for test_batch.bin)`,
    );
  });

  it('points at the extracted folder, and recognises the Python version', async () => {
    const parent = path.join(dir, 'parent');
    await mkdir(path.join(parent, 'cifar-10-batches-bin'), { recursive: true });
    expect((await datasetError(loadCifar10(parent))).message).toMatch(
      `; did you mean ${path.join(parent, 'cifar-10-batches-bin')}?`,
    );
    const python = path.join(dir, 'cifar-10-batches-py');
    await mkdir(python);
    await writeFile(path.join(python, 'data_batch_1'), 'pickle');
    expect((await datasetError(loadCifar10(python))).message).toMatch(
      /this looks like the Python version of CIFAR-10, but the binary version is needed$/,
    );
  });
});
