import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc } from '../../src/nasbench/records/crc32c.ts';
import { FIXTURE } from './helpers.ts';

/** Bit-at-a-time CRC-32C: slow but obviously the definition, to check the sliced tables. */
function referenceCrc32c(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('crc32c', () => {
  it('matches the standard check values', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('agrees with a bitwise reference on every length and alignment', () => {
    const data = randomBytes(200);
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= 120; end++) {
        const view = data.subarray(start, end);
        expect(crc32c(view)).toBe(referenceCrc32c(view));
        expect(crc32c(data, 0, start, end)).toBe(referenceCrc32c(view));
      }
    }
  });

  it('continues from the CRC of preceding bytes', () => {
    const data = randomBytes(1000);
    const whole = crc32c(data);
    for (const cut of [0, 1, 7, 8, 500, 999, 1000]) {
      expect(crc32c(data.subarray(cut), crc32c(data.subarray(0, cut)))).toBe(whole);
    }
  });
});

describe('maskCrc', () => {
  it('rotates right by 15 bits and adds 0xa282ead8 modulo 2^32', () => {
    expect(maskCrc(0)).toBe(0xa282ead8);
    expect(maskCrc(0x8000)).toBe((1 + 0xa282ead8) >>> 0);
    expect(maskCrc(1)).toBe((0x20000 + 0xa282ead8) >>> 0);
    expect(maskCrc(0xffffffff)).toBe(0xa282ead7);
  });

  it('reproduces the stored header CRC of the first fixture record', async () => {
    const file = await open(FIXTURE, 'r');
    try {
      const { buffer } = await file.read(Buffer.alloc(12), 0, 12, 0);
      expect(maskCrc(crc32c(buffer.subarray(0, 8)))).toBe(buffer.readUInt32LE(8));
    } finally {
      await file.close();
    }
  });
});
