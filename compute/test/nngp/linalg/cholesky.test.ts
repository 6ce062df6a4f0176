import { describe, expect, it } from 'vitest';
import {
  CholeskyError,
  cholesky,
  choleskyInPlace,
  choleskySolve,
} from '../../../src/nngp/linalg/index.ts';
import {
  hilbert,
  norm,
  randomMatrix,
  randomSpd,
  relativeError,
  residual,
  times,
  timesTransposed,
} from './matrices.ts';

describe('cholesky', () => {
  it('factors a hand-made 3×3 SPD matrix exactly', () => {
    const a = new Float64Array([4, 12, -16, 12, 37, -43, -16, -43, 98]);
    expect([...cholesky(a, 3)]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    // x = (1, −1, 2) ⇒ b = A·x
    expect([...choleskySolve(cholesky(a, 3), 3, new Float64Array([-40, -111, 223]), 1)]).toEqual([
      1, -1, 2,
    ]);
  });

  it('reads only the lower triangle and leaves its input alone', () => {
    const a = new Float64Array([4, 999, 2, 5]);
    const copy = new Float64Array(a);
    expect([...cholesky(a, 2)]).toEqual([2, 0, 1, 2]);
    expect(a).toEqual(copy);
  });

  it('solves random SPD systems B·Bᵀ + n·I for every n = 1..300 with residual < 1e-10', () => {
    let worst = 0;
    for (let n = 1; n <= 300; n++) {
      const a = randomSpd(n, n);
      const b = randomMatrix(n, 2, 1000 + n);
      const x = choleskySolve(cholesky(a, n), n, b, 2);
      worst = Math.max(worst, residual(a, n, x, b, 2));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('is backward stable on Hilbert matrices (condition up to ~1e13)', () => {
    for (let n = 2; n <= 10; n++) {
      const a = hilbert(n);
      const l = cholesky(a, n);
      // ‖L·Lᵀ − A‖ / ‖A‖ at rounding level, however ill-conditioned A is.
      expect(relativeError(timesTransposed(l, l, n, n, n), a)).toBeLessThan(n * 1e-15);
      const b = Float64Array.from({ length: n }, (_, i) => 1 + i);
      const x = choleskySolve(l, n, b, 1);
      // Normwise backward error ‖A·x − b‖ / (‖A‖·‖x‖).
      const r = times(a, x, n, n, 1).map((v, i) => v - (b[i] as number));
      expect(norm(r) / (norm(a) * norm(x))).toBeLessThan(n * 1e-15);
    }
  });

  it('gives the same factor across block boundaries (n = block − 1, block, block + 1, …)', () => {
    for (const block of [1, 4, 8, 64]) {
      for (const n of [block - 1, block, block + 1, 2 * block - 1, 2 * block, 2 * block + 1]) {
        if (n < 1) continue;
        const a = randomSpd(n, 7 * n + block);
        const unblocked = cholesky(a, n, n);
        expect(relativeError(cholesky(a, n, block), unblocked)).toBeLessThan(1e-13);
        if (block === 64) expect(relativeError(cholesky(a, n), unblocked)).toBeLessThan(1e-13);
      }
    }
  });

  it('solves several right-hand sides at once like one at a time', () => {
    const n = 37;
    const a = randomSpd(n, 3);
    const l = cholesky(a, n);
    const b = randomMatrix(n, 5, 4);
    const all = choleskySolve(l, n, b, 5);
    for (let c = 0; c < 5; c++) {
      const column = b.filter((_, k) => k % 5 === c);
      const x = choleskySolve(l, n, column, 1);
      expect(
        relativeError(
          all.filter((_, k) => k % 5 === c),
          x,
        ),
      ).toBeLessThan(1e-14);
    }
  });
});

describe('cholesky on matrices that are not positive definite', () => {
  const failure = (a: Float64Array, n: number, block?: number): CholeskyError => {
    try {
      cholesky(a, n, block);
    } catch (error) {
      expect(error).toBeInstanceOf(CholeskyError);
      return error as CholeskyError;
    }
    throw new Error('expected a CholeskyError');
  };

  it('names the column of a negative pivot', () => {
    const e = failure(new Float64Array([1, 0, 0, 0, 2, 0, 0, 0, -1]), 3);
    expect(e.column).toBe(2);
    expect(e.pivot).toBe(-1);
    expect(e.message).toBe(
      'matrix is not positive definite: pivot of column 2 (0-based) is -1, expected > 0',
    );
  });

  it('names the column of a zero pivot (singular) and never returns NaNs', () => {
    const e = failure(new Float64Array([1, 1, 1, 1]), 2);
    expect(e.column).toBe(1);
    expect(e.pivot).toBe(0);
  });

  it('reports NaN input as a failed pivot', () => {
    expect(failure(new Float64Array([Number.NaN]), 1).column).toBe(0);
  });

  it('finds a failure deep inside a later block', () => {
    // A = L·Lᵀ − (L₁₄₀,₁₄₀² + 1)·e₁₄₀·e₁₄₀ᵀ: leading minors up to 139 are untouched, pivot 140 is −1.
    const n = 150;
    const l = randomMatrix(n, n, 9).map((v, k) => {
      const i = Math.floor(k / n);
      const j = k % n;
      // Small off-diagonal entries: random triangular factors are otherwise exponentially ill-conditioned.
      return j > i ? 0 : j === i ? 1 + Math.abs(v) : v / n;
    });
    const a = timesTransposed(l, l, n, n, n);
    a[140 * n + 140] = (a[140 * n + 140] as number) - ((l[140 * n + 140] as number) ** 2 + 1);
    for (const block of [8, 64, 150]) {
      const e = failure(a, n, block);
      expect(e.column).toBe(140);
      expect(e.pivot).toBeCloseTo(-1, 8);
    }
  });

  it('choleskyInPlace throws the same error', () => {
    expect(() => choleskyInPlace(new Float64Array([-2]), 1)).toThrow(CholeskyError);
  });
});

describe('shape checks', () => {
  it('rejects a buffer of the wrong size', () => {
    expect(() => cholesky(new Float64Array(8), 3)).toThrow(
      'cholesky: a: expected 9 entries (3×3), got 8',
    );
    expect(() => choleskySolve(new Float64Array(4), 2, new Float64Array(3), 2)).toThrow(
      'choleskySolve: b: expected 4 entries (2×2), got 3',
    );
    expect(() => cholesky(new Float64Array(4), 2, 0)).toThrow(
      'cholesky: block must be a positive integer, got 0',
    );
    expect(() => cholesky(new Float64Array(0), -1)).toThrow(
      'rows must be a non-negative integer, got -1',
    );
  });

  it('handles the empty matrix', () => {
    expect(cholesky(new Float64Array(0), 0).length).toBe(0);
  });
});
