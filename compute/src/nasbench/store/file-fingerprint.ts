import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const HEAD_BYTES = 1 << 20;

/** Identifies a file's content cheaply: md5 of its first MiB plus its size. */
export async function fileFingerprint(
  path: string,
): Promise<{ fingerprint: string; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { fingerprint: `${createHash('md5').update(head).digest('hex')}:${size}`, size };
  } finally {
    await handle.close();
  }
}
