import { copyFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordFileError } from '../../src/nasbench/records/errors.ts';
import { readNasbenchRecords } from '../../src/nasbench/records/record.ts';
import { readTfRecords } from '../../src/nasbench/records/tfrecord.ts';
import { FIXTURE, failure, flipByte, tempDir } from './helpers.ts';

const N = 20_000;
let dir = '';
let offsetN = 0;
let payloadBytesN = 0;

beforeAll(async () => {
  dir = await tempDir();
  for await (const { index, offset, payload } of readTfRecords(FIXTURE)) {
    if (index === N) {
      offsetN = offset;
      payloadBytesN = payload.length;
      break;
    }
  }
});

/** A copy of the fixture with the byte at `at` XOR-ed with 0x01. */
async function withFlippedByte(name: string, at: number): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(FIXTURE, file);
  await flipByte(file, at);
  return file;
}

async function expectFailureAtN(file: string, message: RegExp): Promise<void> {
  const { error, seen } = await failure(readNasbenchRecords(file));
  expect(error).toBeInstanceOf(RecordFileError);
  expect(error).toMatchObject({ file, record: N, offset: offsetN, field: null });
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toContain(`: record ${N} at byte offset ${offsetN}: `);
  // Every record before the damage was yielded, in order.
  expect(seen).toHaveLength(N);
  expect(seen.every((entry, i) => entry.index === i)).toBe(true);
}

describe('a damaged copy of the fixture', () => {
  it('fails on a flipped payload byte at exactly that record', async () => {
    const file = await withFlippedByte('payload.tfrecord', offsetN + 12 + 40);
    await expectFailureAtN(
      file,
      /payload CRC mismatch \(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\)$/,
    );
  });

  it('fails on a flipped length byte with a header CRC error', async () => {
    const file = await withFlippedByte('length.tfrecord', offsetN + 1);
    await expectFailureAtN(file, /length header CRC mismatch/);
  });

  it('fails on a flipped length CRC byte with a header CRC error', async () => {
    const file = await withFlippedByte('length-crc.tfrecord', offsetN + 9);
    await expectFailureAtN(file, /length header CRC mismatch/);
  });

  it('fails on a flipped payload CRC byte', async () => {
    const file = await withFlippedByte('payload-crc.tfrecord', offsetN + 12 + payloadBytesN + 2);
    await expectFailureAtN(file, /payload CRC mismatch/);
  });

  it('reports a tail cut mid-record as truncated', async () => {
    const file = path.join(dir, 'truncated.tfrecord');
    await copyFile(FIXTURE, file);
    await truncate(file, offsetN + 12 + 100);
    await expectFailureAtN(
      file,
      new RegExp(`truncated: header says ${payloadBytesN} bytes of payload, 100 remain$`),
    );
  });
});
