import { describe, expect, it } from 'vitest';
import {
  allocateResident,
  releaseResident,
  residentAddress,
} from '../../../src/nngp/linalg/index.ts';

describe('wasm heap', () => {
  it('hands out zeroed resident arrays that kernels recognise, and plain arrays are not', () => {
    const a = allocateResident(1000);
    a.fill(3);
    releaseResident(a);
    const b = allocateResident(1000);
    expect(b.every((x) => x === 0)).toBe(true);
    expect(residentAddress(b, 5)).toBe(b.byteOffset + 40);
    expect(residentAddress(new Float64Array(10), 0)).toBeUndefined();
    releaseResident(b);
  });

  it('keeps earlier arrays valid and resident when the memory grows', () => {
    const first = allocateResident(100);
    first.set([1, 2, 3]);
    const big = allocateResident(3 << 20); // 24 MiB: forces the memory to grow
    big[big.length - 1] = 9;
    expect(Array.from(first.subarray(0, 3))).toEqual([1, 2, 3]);
    first[3] = 4;
    expect(first[3]).toBe(4);
    expect(residentAddress(first, 0)).toBe(first.byteOffset);
    expect(residentAddress(big, 0)).toBeGreaterThanOrEqual(first.byteOffset + 800);
    releaseResident(big);
    releaseResident(first);
  });

  it('refuses to release an array twice', () => {
    const a = allocateResident(4);
    releaseResident(a);
    expect(() => releaseResident(a)).toThrow(/not a live resident allocation/);
  });
});
