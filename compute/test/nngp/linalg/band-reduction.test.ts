import { describe, expect, it } from 'vitest';
import {
  applyReduction,
  bandCholesky,
  bandCholeskySolve,
  CholeskyError,
  cholesky,
  choleskySolve,
  reduceToBand,
  transpose,
} from '../../../src/nngp/linalg/index.ts';
import { randomMatrix, randomSpd, relativeError, times, timesTransposed } from './matrices.ts';

/** Dense B from the row-wise lower band layout. */
function denseBand(band: Float64Array, n: number, bandwidth: number): Float64Array {
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - bandwidth); j <= i; j++) {
      const value = band[i * (bandwidth + 1) + j - i + bandwidth] as number;
      b[i * n + j] = value;
      b[j * n + i] = value;
    }
  return b;
}

/** Q as a dense matrix: Q·I, column by column (rows of the result hold Q's columns). */
function denseQ(reduction: ReturnType<typeof reduceToBand>): Float64Array {
  const { n } = reduction;
  const identity = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
  applyReduction(reduction, identity, n, false);
  return transpose(identity, n, n);
}

/** A symmetric matrix with prescribed eigenvalues: V·diag(λ)·Vᵀ, V orthogonal. */
function withEigenvalues(eigenvalues: number[]): Float64Array {
  const n = eigenvalues.length;
  const reduction = reduceToBand(randomSpd(n, 77), n, 3); // any orthogonal matrix will do
  const v = denseQ(reduction);
  const scaled = v.map((x, k) => x * (eigenvalues[k % n] as number));
  return timesTransposed(scaled, v, n, n, n);
}

describe('reduceToBand', () => {
  const cases = [
    [1, 1],
    [2, 1],
    [3, 1],
    [5, 2],
    [40, 1],
    [40, 3],
    [40, 39],
    [40, 64],
    [130, 48],
    [97, 16],
  ] as const;

  for (const [n, bandwidth] of cases) {
    it(`A = Q·B·Qᵀ with Q orthogonal (n ${n}, bandwidth ${bandwidth})`, () => {
      const a = randomSpd(n, n + bandwidth);
      const reduction = reduceToBand(a, n, bandwidth);
      const q = denseQ(reduction);
      const identity = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
      expect(
        relativeError(timesTransposed(transpose(q, n, n), transpose(q, n, n), n, n, n), identity),
      ).toBeLessThan(1e-14 * n);
      const b = denseBand(reduction.band, n, bandwidth);
      const qb = times(q, b, n, n, n);
      expect(relativeError(timesTransposed(qb, q, n, n, n), a)).toBeLessThan(1e-14 * n);
    });
  }

  it('reads only the lower triangle', () => {
    const n = 20;
    const a = randomSpd(n, 1);
    const scribbled = a.map((x, k) => (k % n > Math.floor(k / n) ? 1e9 : x));
    expect(reduceToBand(scribbled, n, 4).band).toEqual(reduceToBand(a, n, 4).band);
  });

  it('solves shifted systems like a dense Cholesky of K + sI', () => {
    const n = 90;
    const a = randomSpd(n, 5);
    const y = randomMatrix(n, 4, 6);
    for (const bandwidth of [1, 7, 48]) {
      const reduction = reduceToBand(a, n, bandwidth);
      for (const shift of [0, 1e-3, 10]) {
        const zt = transpose(y, n, 4);
        applyReduction(reduction, zt, 4, true);
        bandCholeskySolve(bandCholesky(reduction.band, n, bandwidth, shift), n, bandwidth, zt, 4);
        applyReduction(reduction, zt, 4, false);
        const shifted = a.map((x, k) => (k % (n + 1) === 0 ? x + shift : x));
        const expected = choleskySolve(cholesky(shifted, n), n, y, 4);
        expect(relativeError(transpose(zt, 4, n), expected)).toBeLessThan(1e-12);
      }
    }
  });

  it('fails for exactly the shifts that leave the matrix indefinite', () => {
    // Eigenvalues −0.5 and 1..59: K + sI is positive definite iff s > 0.5.
    const n = 60;
    const k = withEigenvalues([-0.5, ...Array.from({ length: n - 1 }, (_, i) => i + 1)]);
    for (const bandwidth of [1, 5, 48]) {
      const reduction = reduceToBand(k, n, bandwidth);
      for (const shift of [0, 0.3, 0.49, 0.51, 0.7, 2]) {
        const factor = () => bandCholesky(reduction.band, n, bandwidth, shift);
        const dense = () =>
          cholesky(
            k.map((x, i) => (i % (n + 1) === 0 ? x + shift : x)),
            n,
          );
        if (shift < 0.5) {
          expect(factor).toThrow(CholeskyError);
          expect(dense).toThrow(CholeskyError);
        } else {
          expect(factor).not.toThrow();
          expect(dense).not.toThrow();
        }
      }
    }
  });

  it('rejects a bad bandwidth or shape', () => {
    expect(() => reduceToBand(new Float64Array(4), 2, 0)).toThrow(
      'reduceToBand: bandwidth must be a positive integer, got 0',
    );
    expect(() => reduceToBand(new Float64Array(5), 2)).toThrow(
      'reduceToBand: a: expected 4 entries (2×2), got 5',
    );
    expect(() =>
      applyReduction(reduceToBand(new Float64Array(4), 2), new Float64Array(3), 1, true),
    ).toThrow('applyReduction: zt: expected 2 entries (1×2), got 3');
  });
});

describe('bandCholesky', () => {
  it('matches the documented tridiagonal example', () => {
    const l = bandCholesky(new Float64Array([0, 2, 1, 2]), 2, 1, 1);
    expect(l[1]).toBeCloseTo(Math.sqrt(3), 15);
    expect(l[2]).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(l[3]).toBeCloseTo(Math.sqrt(3 - 1 / 3), 15);
  });

  it('agrees with the dense factor of the same band matrix and names the failing column', () => {
    const n = 30;
    const bandwidth = 4;
    const reduction = reduceToBand(randomSpd(n, 2), n, bandwidth);
    const dense = denseBand(reduction.band, n, bandwidth);
    const l = bandCholesky(reduction.band, n, bandwidth, 0);
    expect(
      relativeError(
        denseBand(l, n, bandwidth).map((x, k) => (k % n > Math.floor(k / n) ? 0 : x)),
        cholesky(dense, n),
      ),
    ).toBeLessThan(1e-13);
    const bad = new Float64Array(reduction.band);
    bad[17 * (bandwidth + 1) + bandwidth] = -1e6;
    expect(() => bandCholesky(bad, n, bandwidth, 0)).toThrow('pivot of column 17 (0-based)');
  });
});
