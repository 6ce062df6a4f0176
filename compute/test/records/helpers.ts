import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { readTfRecords } from '../../src/nasbench/records/tfrecord.ts';

export { FIXTURE, FIXTURE_MODULES, FIXTURE_RECORDS, repoRoot } from '../support/fixtures.ts';

/** A fresh temporary directory for the calling test file, removed after its tests. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nb101-records-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Collects an async iterable; for small synthetic files only. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Runs `items` to the end and returns what it threw, plus how many items came before. */
export async function failure<T>(items: AsyncIterable<T>): Promise<{ error: unknown; seen: T[] }> {
  const seen: T[] = [];
  try {
    for await (const item of items) seen.push(item);
  } catch (error) {
    return { error, seen };
  }
  throw new Error(`expected the iteration to fail, but it yielded ${seen.length} items and ended`);
}

/** XORs the byte at `at` of `file` with `mask` in place: the file keeps its size. */
export async function flipByte(file: string, at: number, mask = 0x01): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    byte[0] = (byte[0] as number) ^ mask;
    await handle.write(byte, 0, 1, at);
  } finally {
    await handle.close();
  }
}

/** Byte offset of record `index` of a record file. */
export async function recordOffset(file: string, index: number): Promise<number> {
  for await (const r of readTfRecords(file)) if (r.index === index) return r.offset;
  throw new Error(`${file} has no record ${index}`);
}
