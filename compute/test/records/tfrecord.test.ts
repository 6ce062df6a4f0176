import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc } from '../../src/nasbench/records/crc32c.ts';
import { RecordFileError } from '../../src/nasbench/records/errors.ts';
import { InputFileError } from '../../src/nasbench/records/input-file.ts';
import { readTfRecords } from '../../src/nasbench/records/tfrecord.ts';
import { encodeTfRecord, writeTfRecords } from '../../src/nasbench/records/tfrecord-writer.ts';
import { collect, failure, tempDir } from './helpers.ts';

const dir = await tempDir();
// Sizes straddle the default 1 MiB buffer and every small-buffer boundary case.
const payloads = [0, 1, 11, 12, 300, 4096, 3 * 1024 * 1024 + 5, 17].map((n) => randomBytes(n));

async function writtenFile(name: string, content: Iterable<Buffer>): Promise<string> {
  const file = path.join(dir, name);
  await writeTfRecords(file, content);
  return file;
}

function offsetsOf(items: Buffer[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const p of items) {
    out.push(at);
    at += p.length + 16;
  }
  return out;
}

describe('encodeTfRecord', () => {
  it('frames a payload as length, masked length CRC, payload, masked payload CRC', () => {
    const payload = Buffer.from('hello');
    const frame = encodeTfRecord(payload);
    expect(frame.length).toBe(21);
    expect(frame.readBigUInt64LE(0)).toBe(5n);
    expect(frame.readUInt32LE(8)).toBe(maskCrc(crc32c(frame.subarray(0, 8))));
    expect(frame.subarray(12, 17).toString()).toBe('hello');
    expect(frame.readUInt32LE(17)).toBe(maskCrc(crc32c(payload)));
  });

  it('refuses payloads the reader would refuse', () => {
    expect(() => encodeTfRecord(Buffer.allocUnsafe(64 * 1024 * 1024 + 1))).toThrow(/limit/);
  });
});

describe('readTfRecords', () => {
  it('round-trips what writeTfRecords wrote, whatever the buffer size', async () => {
    const file = await writtenFile('round-trip.tfrecord', payloads);
    const offsets = offsetsOf(payloads);
    for (const bufferSize of [undefined, 1, 7, 12, 13, 64]) {
      const records = await collect(readTfRecords(file, { bufferSize }));
      expect(records.map((r) => r.index)).toEqual(payloads.map((_, i) => i));
      expect(records.map((r) => r.offset)).toEqual(offsets);
      records.forEach((r, i) => {
        expect(r.payload.equals(payloads[i] as Buffer)).toBe(true);
        expect(r.nextOffset).toBe(r.offset + 16 + r.payload.length);
      });
    }
  });

  it('hands out payload copies that later reads do not overwrite', async () => {
    const small = Array.from({ length: 50 }, (_, i) => Buffer.alloc(40, i));
    const file = await writtenFile('copies.tfrecord', small);
    const records = await collect(readTfRecords(file, { bufferSize: 64 }));
    records.forEach((r, i) => {
      expect(r.payload.equals(small[i] as Buffer)).toBe(true);
    });
  });

  it('reads an empty file as no records, and accepts async iterables when writing', async () => {
    const file = path.join(dir, 'empty.tfrecord');
    async function* none(): AsyncGenerator<Buffer> {}
    expect(await writeTfRecords(file, none())).toBe(0);
    expect(await collect(readTfRecords(file))).toEqual([]);
  });

  it('resumes at a saved offset with file-wide record numbers', async () => {
    const file = await writtenFile('resume.tfrecord', payloads);
    const offsets = offsetsOf(payloads);
    const k = 4;
    const resumed = await collect(
      readTfRecords(file, { startOffset: offsets[k], startRecord: k, bufferSize: 5 }),
    );
    expect(resumed.map((r) => r.index)).toEqual([4, 5, 6, 7]);
    expect(resumed.map((r) => r.offset)).toEqual(offsets.slice(k));
    const skipped = await collect(readTfRecords(file, { startRecord: k }));
    expect(skipped.map((r) => r.offset)).toEqual(offsets.slice(k));
    const atEnd = await collect(
      readTfRecords(file, { startOffset: (await readFile(file)).length, startRecord: 8 }),
    );
    expect(atEnd).toEqual([]);
  });

  it("hands onFrame exactly the file's bytes, from the start or from a resume offset", async () => {
    const file = await writtenFile('frames.tfrecord', payloads);
    const bytes = await readFile(file);
    const offsets = offsetsOf(payloads);
    for (const bufferSize of [undefined, 7, 13]) {
      const frames: Buffer[] = [];
      // Copies: the reader reuses its buffer once the call returns.
      const onFrame = (frame: Buffer) => frames.push(Buffer.from(frame));
      await collect(readTfRecords(file, { bufferSize, onFrame }));
      expect(Buffer.concat(frames).equals(bytes)).toBe(true);
      frames.length = 0;
      await collect(readTfRecords(file, { startOffset: offsets[5], startRecord: 5, onFrame }));
      expect(Buffer.concat(frames).equals(bytes.subarray(offsets[5]))).toBe(true);
    }
  });

  it('names the path of a missing file, a directory and a path through a file', async () => {
    const file = await writtenFile('exists.tfrecord', payloads.slice(0, 1));
    const cases: [string, string][] = [
      [path.join(dir, 'missing.tfrecord'), 'record file not found'],
      [dir, 'record file is a directory'],
      [
        path.join(file, 'inside'),
        'record file not found (a component of the path is not a directory)',
      ],
    ];
    for (const [target, problem] of cases) {
      const { error, seen } = await failure(readTfRecords(target));
      expect(seen).toEqual([]);
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toBe(`${problem}: ${target}`);
    }
  });

  it('rejects inconsistent start options', async () => {
    const file = await writtenFile('options.tfrecord', payloads.slice(0, 2));
    await expect(collect(readTfRecords(file, { startOffset: 16 }))).rejects.toThrow(
      /startOffset needs startRecord/,
    );
    await expect(collect(readTfRecords(file, { startRecord: -1 }))).rejects.toThrow(RangeError);
    const past = await failure(readTfRecords(file, { startOffset: 1000, startRecord: 3 }));
    expect(past.error).toBeInstanceOf(RecordFileError);
    expect((past.error as Error).message).toMatch(/start offset is past the end of the file/);
  });

  it('stops at a header whose length fails its CRC', async () => {
    const frames = payloads.slice(0, 3).map((p) => encodeTfRecord(p));
    const damaged = Buffer.concat(frames);
    const second = (frames[0] as Buffer).length;
    damaged[second] = (damaged[second] as number) ^ 0x01;
    const file = path.join(dir, 'bad-length.tfrecord');
    await writeFile(file, damaged);
    const { error, seen } = await failure(readTfRecords(file));
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ name: 'RecordFileError', file, record: 1, offset: second });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${file}: record 1 at byte offset ${second}: length header CRC mismatch \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\)$`,
      ),
    );
  });

  it('refuses an absurd length even when its CRC is right', async () => {
    const header = Buffer.alloc(12);
    header.writeBigUInt64LE(1n << 40n, 0);
    header.writeUInt32LE(maskCrc(crc32c(header.subarray(0, 8))), 8);
    const file = path.join(dir, 'absurd.tfrecord');
    await writeFile(file, Buffer.concat([encodeTfRecord(Buffer.from('ok')), header]));
    const { error, seen } = await failure(readTfRecords(file));
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ record: 1, offset: 18 });
    expect((error as Error).message).toMatch(
      /record 1 at byte offset 18: absurd payload length 1099511627776 bytes \(limit 67108864\)/,
    );
  });

  it('reports truncation in the header, the payload and the payload CRC', async () => {
    const whole = Buffer.concat([
      encodeTfRecord(Buffer.from('first')),
      encodeTfRecord(Buffer.alloc(312)),
    ]);
    const second = 21;
    const cases: [number, RegExp][] = [
      [second + 5, /truncated: only 5 of the 12 header bytes remain$/],
      [second + 12 + 100, /truncated: header says 312 bytes of payload, 100 remain$/],
      [
        second + 12 + 312 + 2,
        /truncated: the 312-byte payload is complete but only 2 of its 4 CRC bytes remain$/,
      ],
    ];
    for (const [length, message] of cases) {
      const file = path.join(dir, `truncated-${length}.tfrecord`);
      await writeFile(file, whole.subarray(0, length));
      const { error, seen } = await failure(readTfRecords(file, { bufferSize: 16 }));
      expect(seen.map((r) => r.payload.toString())).toEqual(['first']);
      expect(error).toMatchObject({ name: 'RecordFileError', record: 1, offset: second });
      expect((error as Error).message).toMatch(message);
    }
  });

  it('detects a damaged payload', async () => {
    const file = await writtenFile('bad-payload.tfrecord', payloads.slice(0, 5));
    const bytes = await readFile(file);
    const offsets = offsetsOf(payloads);
    const at = (offsets[4] as number) + 12 + 100;
    bytes[at] = (bytes[at] as number) ^ 0x80;
    await writeFile(file, bytes);
    const { error, seen } = await failure(readTfRecords(file));
    expect(seen).toHaveLength(4);
    expect(error).toMatchObject({ record: 4, offset: offsets[4], field: null });
    expect((error as Error).message).toMatch(/payload CRC mismatch/);
  });
});
