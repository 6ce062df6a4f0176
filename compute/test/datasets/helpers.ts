import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SHARED_DATA } from '../support/fixtures.ts';
import expected from './fixtures/cifar10-expected.json' with { type: 'json' };

/** The shared CIFAR-10 subsets, read in place (never copied into the repository). */
export const TRAIN_FILE = path.join(SHARED_DATA, 'cifar10/data_batch_1_first4000.bin');
export const TEST_FILE = path.join(SHARED_DATA, 'cifar10/test_batch_first1000.bin');

/** Values numpy computed from the raw files (fixtures/cifar10-expected.py). */
export const EXPECTED = expected;

/** A fresh temporary directory for the calling test file, removed after its tests. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nngp-datasets-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Offset of (image, row, col, channel) in an NHWC 32×32×3 byte or float array. */
export function nhwc(image: number, row: number, col: number, channel: number): number {
  return ((image * 32 + row) * 32 + col) * 3 + channel;
}

/** What a promise rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/**
 * Byte-for-byte equality; `toEqual` walks a multi-megabyte array element by element and takes
 * seconds, where this is one memcmp.
 */
export function sameBytes(actual: Uint8Array, expected: Uint8Array): boolean {
  return actual.length === expected.length && Buffer.compare(actual, expected) === 0;
}
