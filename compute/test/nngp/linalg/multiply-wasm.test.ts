import { afterEach, describe, expect, it } from 'vitest';
import {
  allocateResident,
  multiplyTransposedJs,
  multiplyTransposedWasm,
  releaseResident,
  type Strided,
  setMultiplyThreads,
} from '../../../src/nngp/linalg/index.ts';
import { randomMatrix, relativeError } from './matrices.ts';

const initialThreads = setMultiplyThreads(1);
setMultiplyThreads(initialThreads);
afterEach(() => {
  setMultiplyThreads(initialThreads);
});

/** A rows×columns window at (1, 2) inside a buffer with 3 spare columns, filled from `m`. */
function windowed(m: Float64Array, rows: number, columns: number, resident = false): Strided {
  const stride = columns + 3;
  const length = (rows + 2) * stride;
  const data = resident ? allocateResident(length) : new Float64Array(length);
  data.fill(7);
  const offset = stride + 2;
  for (let r = 0; r < rows; r++)
    data.set(m.subarray(r * columns, (r + 1) * columns), offset + r * stride);
  return { data, offset, stride };
}

/** Both kernels on the same inputs; returns both C buffers (windows included). */
function both(
  rows: number,
  columns: number,
  depth: number,
  options: { lower?: boolean; alpha?: number; residentP?: boolean; residentC?: boolean } = {},
) {
  const { lower = false, alpha = -1.75, residentP = false, residentC = false } = options;
  const p = randomMatrix(rows, depth, rows + 31 * depth);
  const q = randomMatrix(columns, depth, columns + 17);
  const c0 = randomMatrix(rows, columns, 5);
  const expected = windowed(c0, rows, columns);
  multiplyTransposedJs(
    alpha,
    windowed(p, rows, depth),
    windowed(q, columns, depth),
    expected,
    rows,
    columns,
    depth,
    lower,
  );
  const pw = windowed(p, rows, depth, residentP);
  const got = windowed(c0, rows, columns, residentC);
  multiplyTransposedWasm(alpha, pw, windowed(q, columns, depth), got, rows, columns, depth, lower);
  const result = { expected: expected.data, got: Float64Array.from(got.data) };
  if (residentC) releaseResident(got.data);
  if (residentP) releaseResident(pw.data);
  return result;
}

describe('multiplyTransposedWasm', () => {
  // Edge sizes around the 4×4 tile, the 4-column groups, the 512-column and 256-deep blocks
  // and the 64-row chunks.
  const shapes = [
    [1, 1, 1],
    [3, 5, 2],
    [4, 4, 4],
    [5, 7, 9],
    [13, 130, 9],
    [9, 6, 300],
    [65, 3, 257],
    [131, 129, 257],
    [70, 517, 31],
    [200, 600, 600],
  ] as const;

  for (const [rows, columns, depth] of shapes) {
    it(`matches the TypeScript kernel: ${rows}×${columns}, depth ${depth}`, () => {
      const { expected, got } = both(rows, columns, depth);
      expect(relativeError(got, expected)).toBeLessThan(1e-14);
      // Entries outside C's window are never touched.
      expect(got[0]).toBe(7);
      expect(got.at(-1)).toBe(7);
    });

    it(`matches in lower mode: ${rows}×${columns}, depth ${depth}`, () => {
      const { expected, got } = both(rows, columns, depth, { lower: true, alpha: 0.3 });
      expect(relativeError(got, expected)).toBeLessThan(1e-14);
    });
  }

  it('gives the same result with operands in wasm memory (read and written in place)', () => {
    for (const [rows, columns, depth] of [
      [37, 41, 43],
      [300, 300, 96],
    ] as const)
      for (const lower of [false, true]) {
        const staged = both(rows, columns, depth, { lower });
        const inPlace = both(rows, columns, depth, { lower, residentP: true, residentC: true });
        expect(inPlace.got).toEqual(staged.got);
      }
  });

  it('splits large products over threads without changing a bit', () => {
    const shape = [400, 530, 300] as const; // rows·columns·depth well above the threading cut
    setMultiplyThreads(1);
    const single = both(...shape, { lower: true });
    const singleFull = both(...shape);
    setMultiplyThreads(2);
    const split = both(...shape, { lower: true });
    const splitFull = both(...shape);
    expect(split.got).toEqual(single.got);
    expect(splitFull.got).toEqual(singleFull.got);
    expect(relativeError(split.got, single.expected)).toBeLessThan(1e-14);
  });

  for (const threads of [1, 2])
    it(`mirror leaves C exactly symmetric, equal to the lower update (${threads} thread(s))`, () => {
      setMultiplyThreads(threads);
      for (const n of [1, 6, 67, 600]) {
        for (const resident of [false, true]) {
          const depth = 96;
          const p = windowed(randomMatrix(n, depth, n), n, depth);
          const q = windowed(randomMatrix(n, depth, n + 1), n, depth);
          const start = randomMatrix(n, n, 3);
          const lower = windowed(start, n, n);
          multiplyTransposedJs(-1, p, q, lower, n, n, depth, true);
          const c = windowed(start, n, n, resident);
          multiplyTransposedWasm(-1, p, q, c, n, n, depth, true, true);
          const at = (m: Strided, r: number, s: number) =>
            m.data[m.offset + r * m.stride + s] as number;
          let worst = 0;
          let asymmetric = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) {
              const want = at(lower, i, j);
              worst = Math.max(worst, Math.abs(at(c, i, j) - want) / (1 + Math.abs(want)));
              if (at(c, j, i) !== at(c, i, j)) asymmetric++;
            }
          expect(worst).toBeLessThan(1e-13);
          expect(asymmetric).toBe(0);
          if (resident) releaseResident(c.data);
        }
      }
    });

  it('refuses mirror outside lower mode on a square C', () => {
    const m = { data: new Float64Array(4), offset: 0, stride: 2 };
    expect(() => multiplyTransposedWasm(1, m, m, m, 2, 2, 2, false, true)).toThrow(RangeError);
  });
});
