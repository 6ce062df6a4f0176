import { createHash } from 'node:crypto';
import { copyFile, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileIdentity,
  fingerprintWithProof,
  provenPrefix,
  sha256OfPrefix,
} from '../../src/nasbench/store/file-fingerprint.ts';
import { FIXTURE, flipByte, tempDir } from '../records/helpers.ts';

const dir = await tempDir();
const MIB = 1 << 20;

async function withHandle<T>(
  file: string,
  work: (h: Awaited<ReturnType<typeof open>>) => Promise<T>,
) {
  const handle = await open(file, 'r');
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('record file fingerprints', () => {
  it('identify a file as earlier versions did: md5 of its first MiB plus its size', async () => {
    const bytes = await readFile(FIXTURE);
    const identity = await withHandle(FIXTURE, (h) => fileIdentity(h, bytes.length));
    expect(identity).toBe(
      `${createHash('md5').update(bytes.subarray(0, MIB)).digest('hex')}:${bytes.length}`,
    );
  });

  it('hash any prefix of the file, and go on hashing from there', async () => {
    const bytes = await readFile(FIXTURE);
    for (const end of [0, 1, MIB - 1, 4 * MIB + 3, bytes.length]) {
      const hash = await withHandle(FIXTURE, (h) => sha256OfPrefix(h, end));
      expect(hash.copy().digest('hex')).toBe(sha256(bytes.subarray(0, end)));
      expect(hash.update(bytes.subarray(end)).digest('hex')).toBe(sha256(bytes));
    }
  });

  it('tell a copy damaged past its first MiB from the file only by the sha256', async () => {
    const damaged = path.join(dir, 'damaged.tfrecord');
    await copyFile(FIXTURE, damaged);
    await flipByte(damaged, 5 * MIB + 17);
    const [original, copy] = await Promise.all(
      [FIXTURE, damaged].map((file) =>
        withHandle(file, async (h) => {
          const { size } = await h.stat();
          return {
            identity: await fileIdentity(h, size),
            whole: (await sha256OfPrefix(h, size)).digest('hex'),
            head: (await sha256OfPrefix(h, 5 * MIB)).digest('hex'),
          };
        }),
      ),
    );
    expect(copy?.identity).toBe(original?.identity);
    expect(copy?.head).toBe(original?.head);
    expect(copy?.whole).not.toBe(original?.whole);
  });

  it('read back their proof only for their own identity, and none from an old row', () => {
    const identity = '0123456789abcdef0123456789abcdef:10844772';
    const proof = sha256(Buffer.from('prefix'));
    const stored = fingerprintWithProof(identity, proof);
    expect(provenPrefix(stored, identity)).toBe(proof);
    expect(provenPrefix(identity, identity)).toBeNull();
    expect(provenPrefix(stored, '0123456789abcdef0123456789abcdef:1084477')).toBeNull();
  });
});
