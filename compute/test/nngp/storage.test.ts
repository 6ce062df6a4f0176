import { describe, expect, it } from 'vitest';
import { configsWithin, parseConfigs } from '../../src/nngp/configs.ts';
import { ensembleKernel } from '../../src/nngp/ensemble.ts';
import { fromFloat16Bits, toFloat16Bits } from '../../src/nngp/float16.ts';
import {
  decodeSeedKernel,
  encodeSeedKernel,
  kernelFromFeatures,
  type SeedKernel,
} from '../../src/nngp/seed-kernel.ts';
import { seededRandom } from '../support/fixtures.ts';

function randomFeatures(rows: number, width: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: rows * width }, () => random() - 0.5);
}

describe('float16', () => {
  it.each([
    [0, 0x0000],
    [1, 0x3c00],
    [-2, 0xc000],
    [65504, 0x7bff],
    [2 ** -24, 0x0001],
    [1e6, 0x7c00],
    [0.1, 0x2e66],
  ])('%f ↔ 0x%s', (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
    if (Number.isFinite(value) && value !== 1e6)
      expect(fromFloat16Bits(bits)).toBeCloseTo(value, 3);
  });

  it('rounds within half a unit in the last place', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = (random() - 0.5) * 100;
      expect(Math.abs(fromFloat16Bits(toFloat16Bits(x)) - x)).toBeLessThanOrEqual(
        Math.abs(x) * 2 ** -11,
      );
    }
  });
});

describe('seed kernel storage', () => {
  const width = 8;

  it('stores K (upper triangle + K_vt) when smaller, and decodes it exactly', () => {
    const phi = randomFeatures(30, width, 2);
    const kernel = kernelFromFeatures(phi, 20, 10, width);
    // 20·21/2 + 10·20 = 410 numbers for K against 30·8 = 240 for Φ: Φ is smaller here.
    expect(encodeSeedKernel(kernel, phi, width, 'float32').representation).toBe('features');
    const wide = 64;
    const phiWide = randomFeatures(30, wide, 3);
    const kernelWide = kernelFromFeatures(phiWide, 20, 10, wide);
    const encoded = encodeSeedKernel(kernelWide, phiWide, wide, 'float32');
    expect(encoded.representation).toBe('kernel');
    expect(encoded.data.length).toBe(4 * 410);
    const decoded = decodeSeedKernel(encoded, 20, 10);
    expect(decoded.kTrainTrain).toEqual(kernelWide.kTrainTrain);
    expect(decoded.kValTrain).toEqual(kernelWide.kValTrain);
  });

  it('stores Φ when smaller and rebuilds K = ΦΦᵀ from it', () => {
    const phi = randomFeatures(30, width, 4);
    const kernel = kernelFromFeatures(phi, 20, 10, width);
    const decoded = decodeSeedKernel(encodeSeedKernel(kernel, phi, width, 'float32'), 20, 10);
    expect(decoded.kTrainTrain).toEqual(kernel.kTrainTrain);
    expect(decoded.kValTrain).toEqual(kernel.kValTrain);
  });

  it('halves the bytes in float16 at a relative error below 1e-3', () => {
    const phi = randomFeatures(30, 64, 5);
    const kernel = kernelFromFeatures(phi, 20, 10, 64);
    const full = encodeSeedKernel(kernel, phi, 64, 'float32');
    const half = encodeSeedKernel(kernel, phi, 64, 'float16');
    expect(half.data.length).toBe(full.data.length / 2);
    const decoded = decodeSeedKernel(half, 20, 10);
    decoded.kTrainTrain.forEach((v, i) => {
      const exact = kernel.kTrainTrain[i] as number;
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-3 + 1e-6);
    });
  });
});

describe('derived configurations', () => {
  it('takes nested sub-blocks and averages the first M seeds', () => {
    const seeds: SeedKernel[] = [0, 1, 2].map((s) =>
      kernelFromFeatures(randomFeatures(12, 4, 10 + s), 8, 4, 4),
    );
    const { kTrainTrain, kValTrain } = ensembleKernel(seeds, { nTrain: 5, nVal: 3, ensemble: 2 });
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const expected =
          ((seeds[0]?.kTrainTrain[i * 8 + j] as number) +
            (seeds[1]?.kTrainTrain[i * 8 + j] as number)) /
          2;
        expect(kTrainTrain[i * 5 + j]).toBeCloseTo(expected, 6);
      }
    }
    for (let v = 0; v < 3; v++) {
      const expected =
        ((seeds[0]?.kValTrain[v * 8] as number) + (seeds[1]?.kValTrain[v * 8] as number)) / 2;
      expect(kValTrain[v * 5]).toBeCloseTo(expected, 6);
    }
    // The nested kernel is what the smaller draw itself would give: Φ's first rows.
    expect(() => ensembleKernel(seeds, { nTrain: 9, nVal: 3, ensemble: 1 })).toThrowError(
      'cannot serve',
    );
    expect(() => ensembleKernel(seeds, { nTrain: 5, nVal: 3, ensemble: 4 })).toThrowError(
      'needs 4 seeds',
    );
  });

  it('parses configuration lists and refuses ones the kernels cannot serve', () => {
    expect(parseConfigs('100x200x1, 500x200x4')).toEqual([
      { nTrain: 100, nVal: 200, ensemble: 1 },
      { nTrain: 500, nVal: 200, ensemble: 4 },
    ]);
    expect(() => parseConfigs('100x200')).toThrowError(
      "configuration '100x200' is not NTRAINxNVALxENSEMBLE",
    );
    expect(() => parseConfigs('0x1x1')).toThrowError('at least 1');
    const largest = { nTrain: 500, nVal: 200, ensemble: 4 };
    expect(configsWithin(largest, parseConfigs('100x200x1,500x200x4'))).toHaveLength(2);
    expect(() => configsWithin(largest, parseConfigs('100x300x1'))).toThrowError(
      'does not fit inside 500x200x4',
    );
  });
});
