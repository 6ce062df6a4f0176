import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkInputFile,
  InputFileError,
  openInputFile,
} from '../../src/nasbench/records/input-file.ts';
import { tempDir } from './helpers.ts';

const dir = await tempDir();

async function problemOf(target: string, kind: 'record file' | 'proxy file'): Promise<string> {
  const error = await checkInputFile(target, kind).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputFileError);
  expect((error as InputFileError).path).toBe(target);
  expect((error as Error).message).toBe(`${kind} ${(error as InputFileError).problem}: ${target}`);
  return (error as InputFileError).problem;
}

describe('openInputFile', () => {
  it('opens a regular file and tells its size', async () => {
    const file = path.join(dir, 'five.csv');
    await writeFile(file, 'a,b\n1');
    const { handle, size } = await openInputFile(file, 'proxy file');
    expect(size).toBe(5);
    await handle.close();
  });

  it('names the path and the problem of each kind of unusable path', async () => {
    const empty = path.join(dir, 'empty.tfrecord');
    await writeFile(empty, '');
    const pipe = path.join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect(await problemOf(path.join(dir, 'missing.csv'), 'proxy file')).toBe('not found');
    expect(await problemOf(dir, 'record file')).toBe('is a directory');
    expect(await problemOf(empty, 'record file')).toBe('is empty (0 bytes)');
    // Opening a named pipe for reading would wait for a writer forever.
    expect(await problemOf(pipe, 'record file')).toBe('is not a regular file');
    expect(await problemOf(path.join(empty, 'x'), 'proxy file')).toBe(
      'not found (a component of the path is not a directory)',
    );
  });

  it('accepts an empty file when asked to', async () => {
    const empty = path.join(dir, 'allowed-empty.tfrecord');
    await writeFile(empty, '');
    expect(await checkInputFile(empty, 'record file', { allowEmpty: true })).toBe(0);
  });
});
