import { afterEach, describe, expect, it } from 'vitest';
import { type InferenceMethod, nngpInference } from '../../../src/nngp/inference/index.ts';
import {
  allocateResident,
  bandCholesky,
  bandCholeskySolve,
  CholeskyError,
  choleskyInPlace,
  type MultiplyBackend,
  reduceToBand,
  releaseResident,
  setMultiplyBackend,
  setMultiplyThreads,
} from '../../../src/nngp/linalg/index.ts';
import { reflectColumns } from '../../../src/nngp/linalg/reflect-columns.ts';
import { featureKernels } from '../inference/kernels.ts';
import { randomMatrix, randomSpd, relativeError } from './matrices.ts';

const initialBackend = setMultiplyBackend('wasm');
const initialThreads = setMultiplyThreads(1);
setMultiplyBackend(initialBackend);
setMultiplyThreads(initialThreads);
afterEach(() => {
  setMultiplyBackend(initialBackend);
  setMultiplyThreads(initialThreads);
});

function withBackend<T>(backend: MultiplyBackend, threads: number, run: () => T): T {
  setMultiplyBackend(backend);
  setMultiplyThreads(threads);
  try {
    return run();
  } finally {
    setMultiplyBackend(initialBackend);
    setMultiplyThreads(initialThreads);
  }
}

describe('wasm backend against the plain TypeScript one', () => {
  it('reflectColumns: the SIMD loop on a resident panel matches the scalar one', () => {
    for (const [size, width] of [
      [1, 1],
      [2, 3],
      [9, 4],
      [300, 48],
    ] as const) {
      const source = randomMatrix(width, size, size);
      const plain = Float64Array.from(source);
      const resident = allocateResident(width * size);
      resident.set(source);
      for (let c = 0; c < Math.min(width, size); c++) {
        const head = c * size + c;
        // τ = 2/‖v‖² (v[0] = 1) makes H an orthogonal reflection: nothing grows.
        let norm2 = 1;
        for (let r = 1; r < size - c; r++) norm2 += (plain[head + r] as number) ** 2;
        reflectColumns(plain, head, size - c, width - c - 1, size, 2 / norm2);
        reflectColumns(resident, head, size - c, width - c - 1, size, 2 / norm2);
      }
      expect(relativeError(resident, plain)).toBeLessThan(1e-13);
      releaseResident(resident);
    }
  });

  for (const [n, bandwidth] of [
    [97, 7],
    [300, 48],
    [301, 13],
  ] as const)
    it(`reduceToBand gives the same band (n ${n}, bandwidth ${bandwidth})`, () => {
      const a = randomSpd(n, n);
      const plain = withBackend('js', 1, () => reduceToBand(a, n, bandwidth));
      for (const threads of [1, 2]) {
        const fast = withBackend('wasm', threads, () => reduceToBand(a, n, bandwidth));
        expect(relativeError(fast.band, plain.band)).toBeLessThan(1e-12);
      }
    });

  it('bandCholesky and bandCholeskySolve give the same factor, solutions and failures', () => {
    const n = 200;
    const bandwidth = 9;
    const { band } = reduceToBand(randomSpd(n, 4), n, bandwidth);
    const y = randomMatrix(3, n, 8);
    const solve = (backend: MultiplyBackend) =>
      withBackend(backend, 1, () => {
        const l = bandCholesky(band, n, bandwidth, 0.5);
        const x = Float64Array.from(y);
        bandCholeskySolve(l, n, bandwidth, x, 3);
        return { l, x };
      });
    const plain = solve('js');
    const fast = solve('wasm');
    expect(relativeError(fast.l, plain.l)).toBeLessThan(1e-14);
    expect(relativeError(fast.x, plain.x)).toBeLessThan(1e-13);
    // A shift that makes B + sI indefinite fails at the same row on both.
    const failure = (backend: MultiplyBackend) =>
      withBackend(backend, 1, () => {
        try {
          bandCholesky(band, n, bandwidth, -1e9);
        } catch (error) {
          return error;
        }
      });
    const [plainError, fastError] = [failure('js'), failure('wasm')];
    expect(fastError).toBeInstanceOf(CholeskyError);
    expect((fastError as CholeskyError).column).toBe((plainError as CholeskyError).column);
  });

  it('choleskyInPlace gives the same factor', () => {
    const n = 333;
    const a = randomSpd(n, 9);
    const plain = Float64Array.from(a);
    const fast = Float64Array.from(a);
    withBackend('js', 1, () => choleskyInPlace(plain, n));
    withBackend('wasm', 2, () => choleskyInPlace(fast, n));
    expect(relativeError(fast, plain)).toBeLessThan(1e-13);
  });

  for (const method of ['banded', 'cholesky'] as InferenceMethod[])
    it(`nngpInference (${method}) gives the same accuracies on every backend and thread count`, () => {
      const kernels = featureKernels(400, 150, 300, 10, 11, 0.3);
      const run = () => nngpInference({ ...kernels, method });
      const plain = withBackend('js', 1, run);
      for (const threads of [1, 2]) expect(withBackend('wasm', threads, run)).toEqual(plain);
      expect(plain.bestAccuracy).toBeGreaterThan(0.2);
    });
});
