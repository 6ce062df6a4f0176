import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CholeskyError, cholesky, choleskySolve } from '../../../src/nngp/linalg/index.ts';
import { relativeError } from './matrices.ts';

interface Fixture {
  spd: {
    name: string;
    n: number;
    a: number[];
    l: number[];
    columns: number;
    b: number[];
    x: number[];
  }[];
  indefinite: { name: string; n: number; a: number[]; failedColumn: number }[];
}

// Made by fixtures/cholesky-scipy.py (scipy's LAPACK dpotrf / dpotrs); no Python at test time.
const fixture: Fixture = JSON.parse(
  readFileSync(new URL('./fixtures/cholesky-scipy.json', import.meta.url), 'utf8'),
);

describe('agreement with scipy cho_factor / cho_solve', () => {
  for (const c of fixture.spd) {
    it(c.name, () => {
      // Forward errors grow with the condition number: √κ ≈ 1e5 for the factor and κ ≈ 1e10
      // for the solution of the Hilbert case, in scipy's arithmetic as in ours.
      const illConditioned = c.name.startsWith('Hilbert');
      const l = cholesky(Float64Array.from(c.a), c.n, 4);
      expect(relativeError(l, c.l)).toBeLessThan(illConditioned ? 1e-9 : 1e-13);
      const x = choleskySolve(l, c.n, Float64Array.from(c.b), c.columns);
      expect(relativeError(x, c.x)).toBeLessThan(illConditioned ? 1e-4 : 1e-12);
    });
  }

  for (const c of fixture.indefinite) {
    it(`${c.name}: fails at LAPACK's column`, () => {
      expect(() => cholesky(Float64Array.from(c.a), c.n, 4)).toThrow(CholeskyError);
      try {
        cholesky(Float64Array.from(c.a), c.n, 4);
      } catch (error) {
        expect((error as CholeskyError).column).toBe(c.failedColumn);
      }
    });
  }
});
