import { describe, expect, it } from 'vitest';
import { nngpFlops, PETA, setCostPflops, trainingFlops } from '../../src/metrics/index.ts';

describe('cost model (DESIGN.md §4)', () => {
  it('NNGP: forward passes, kernel products and 20 solves', () => {
    const f = 1e9;
    const forward = 2 * (100 + 200) * f;
    const kernel = 2 * 512 * 100 * 300 * 2;
    const solves = 20 * (100 ** 3 / 3 + 2 * 100 ** 2 * 10 + 2 * 200 * 100 * 10);
    expect(nngpFlops({ nTrain: 100, nVal: 200, ensemble: 2 }, f)).toBeCloseTo(
      forward + kernel + solves,
      0,
    );
    // Width and classes are parameters (a reduced stem pools fewer features).
    expect(
      nngpFlops({ nTrain: 10, nVal: 0, ensemble: 1, width: 64, classes: 2, regularizers: 1 }, 0),
    ).toBeCloseTo(64 * 10 * 10 * 2 + 1000 / 3 + 400, 6);
  });

  it('training: E·40,000·3F + 10,000·F, summed over a set in PFLOPs', () => {
    expect(trainingFlops(4, 1e9)).toBe(4 * 40_000 * 3 * 1e9 + 10_000 * 1e9);
    const flops = [1e9, 2e9, 3e9];
    expect(setCostPflops(flops, (f) => trainingFlops(12, f))).toBeCloseTo(
      (6e9 * (12 * 120_000 + 10_000)) / PETA,
      12,
    );
    expect(setCostPflops(flops, (f) => f, [2])).toBe(3e9 / PETA);
  });
});
