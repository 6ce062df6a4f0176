/**
 * CRC-32C (Castagnoli), the checksum TFRecord framing uses.
 *
 * Slicing-by-8: eight 256-entry tables let the loop consume eight bytes per step. The full
 * NAS-Bench-101 file is about 2 GB, and a byte-at-a-time loop would make the checksum, not
 * JSON parsing, the bottleneck of an import.
 */

/** Reflected Castagnoli polynomial 0x1EDC6F41. */
const POLY = 0x82f63b78;

/** Table k maps a byte to its CRC contribution when it sits k bytes before the end of a word. */
const TABLES: readonly Uint32Array[] = buildTables();

function buildTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const t0 = tables[0] as Uint32Array;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t0[n] = c;
  }
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1] as Uint32Array;
    const cur = tables[k] as Uint32Array;
    for (let n = 0; n < 256; n++) {
      const p = prev[n] as number;
      cur[n] = (p >>> 8) ^ (t0[p & 0xff] as number);
    }
  }
  return tables;
}

/**
 * CRC-32C of `bytes[start, end)`, optionally continuing from the CRC of preceding data.
 *
 * @example
 * crc32c(Buffer.from('123456789')); // 0xe3069283
 * crc32c(Buffer.from('6789'), crc32c(Buffer.from('12345'))); // 0xe3069283 as well
 */
export function crc32c(bytes: Uint8Array, previous = 0, start = 0, end = bytes.length): number {
  // Locals instead of TABLES[k] in the loop: V8 keeps them in registers, and the typed-array
  // reads below are always in range (indices are masked to 0..255), hence the casts.
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  // Whole words through a DataView: one bounds-checked load instead of four byte loads.
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let c = ~previous;
  let i = start;
  for (const stop = end - 8; i <= stop; i += 8) {
    const lo = c ^ words.getUint32(i, true);
    const hi = words.getUint32(i + 4, true);
    c =
      (t7[lo & 0xff] as number) ^
      (t6[(lo >>> 8) & 0xff] as number) ^
      (t5[(lo >>> 16) & 0xff] as number) ^
      (t4[lo >>> 24] as number) ^
      (t3[hi & 0xff] as number) ^
      (t2[(hi >>> 8) & 0xff] as number) ^
      (t1[(hi >>> 16) & 0xff] as number) ^
      (t0[hi >>> 24] as number);
  }
  for (; i < end; i++) c = (c >>> 8) ^ (t0[(c ^ (bytes[i] as number)) & 0xff] as number);
  return ~c >>> 0;
}

/**
 * TFRecord's masked CRC: rotate right by 15 bits, then add 0xa282ead8 (mod 2^32). TensorFlow
 * masks stored CRCs because a CRC over data that itself contains CRCs is weak.
 *
 * @example
 * maskCrc(crc32c(lengthBytes)) === buffer.readUInt32LE(8); // header check of a TFRecord
 */
export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}
