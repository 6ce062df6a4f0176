import { describe, expect, it } from 'vitest';
import { dot, multiplyTransposed } from '../../../src/nngp/linalg/index.ts';
import { randomMatrix, relativeError, timesTransposed } from './matrices.ts';

const whole = (data: Float64Array, stride: number) => ({ data, offset: 0, stride });

describe('multiplyTransposed', () => {
  it('matches the naive product for shapes that straddle the 4×4 tiles and cache blocks', () => {
    for (const [m, p, k] of [
      [1, 1, 1],
      [5, 3, 7],
      [13, 130, 9],
      [9, 6, 300],
      [131, 129, 257],
    ] as const) {
      const a = randomMatrix(m, k, m);
      const b = randomMatrix(p, k, p + 1);
      const c = randomMatrix(m, p, 3);
      const expected = timesTransposed(a, b, m, p, k).map((v, i) => (c[i] as number) - 2 * v);
      multiplyTransposed(-2, whole(a, k), whole(b, k), whole(c, p), m, p, k);
      expect(relativeError(c, expected)).toBeLessThan(1e-14);
    }
  });

  it('in lower mode updates exactly the entries on and below the diagonal', () => {
    for (const n of [1, 4, 7, 130]) {
      const a = randomMatrix(n, 11, n);
      const c = new Float64Array(n * n).fill(5);
      multiplyTransposed(1, whole(a, 11), whole(a, 11), whole(c, n), n, n, 11, true);
      const full = timesTransposed(a, a, n, n, 11);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const got = c[i * n + j] as number;
          if (j > i) expect(got).toBe(5);
          else expect(got).toBeCloseTo(5 + (full[i * n + j] as number), 12);
        }
    }
  });

  it('works on windows inside larger buffers', () => {
    // P = rows 1..3, columns 2..4 of a 5×6 buffer; C = the 3×3 block at (1, 1) of a 5×5 buffer.
    const big = randomMatrix(5, 6, 1);
    const c = new Float64Array(25);
    const p = { data: big, offset: 1 * 6 + 2, stride: 6 };
    multiplyTransposed(1, p, p, { data: c, offset: 6, stride: 5 }, 3, 3, 3);
    const window = Float64Array.from(
      { length: 9 },
      (_, k) => big[(1 + Math.floor(k / 3)) * 6 + 2 + (k % 3)] as number,
    );
    const expected = timesTransposed(window, window, 3, 3, 3);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        const inside = i >= 1 && i <= 3 && j >= 1 && j <= 3;
        expect(c[i * 5 + j]).toBeCloseTo(
          inside ? (expected[(i - 1) * 3 + j - 1] as number) : 0,
          14,
        );
      }
  });
});

describe('dot', () => {
  it('handles odd lengths and offsets', () => {
    expect(dot(new Float64Array([9, 1, 2, 3]), 1, new Float64Array([4, 5, 6]), 0, 3)).toBe(32);
    expect(dot(new Float64Array([1]), 0, new Float64Array([1]), 0, 0)).toBe(0);
  });
});
