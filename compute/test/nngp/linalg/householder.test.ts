import { describe, expect, it } from 'vitest';
import { householder } from '../../../src/nngp/linalg/index.ts';

/** H·x for H = I − τ·v·vᵀ, v = (1, x[1..]) as left by householder(). */
function reflect(v: Float64Array, tau: number, x: number[]): number[] {
  const s = x.reduce((acc, xi, i) => acc + xi * (i === 0 ? 1 : (v[i] as number)), 0);
  return x.map((xi, i) => xi - tau * s * (i === 0 ? 1 : (v[i] as number)));
}

describe('householder', () => {
  it('maps x onto β·e₁ with |β| = ‖x‖ and β of the opposite sign to x₀', () => {
    for (const x of [
      [3, 4],
      [-3, 4],
      [0, 2, 0, -1],
      [1e-3, 5, -7, 2, 0.5],
    ]) {
      const v = Float64Array.from(x);
      const { beta, tau } = householder(v, 0, x.length);
      expect(Math.abs(beta)).toBeCloseTo(Math.hypot(...x), 12);
      if (x[0] !== 0) expect(Math.sign(beta)).toBe(-Math.sign(x[0] as number));
      const hx = reflect(v, tau, x);
      expect(hx[0]).toBeCloseTo(beta, 12);
      for (const entry of hx.slice(1)) expect(Math.abs(entry)).toBeLessThan(1e-12);
    }
  });

  it('is the identity (τ = 0) when the tail is already zero', () => {
    const v = new Float64Array([-2, 0, 0]);
    expect(householder(v, 0, 3)).toEqual({ beta: -2, tau: 0 });
    expect([...v]).toEqual([-2, 0, 0]);
  });

  it('neither overflows nor underflows', () => {
    for (const scale of [1e200, 1e-200]) {
      const v = new Float64Array([3 * scale, 4 * scale]);
      const { beta, tau } = householder(v, 0, 2);
      expect(beta / scale).toBeCloseTo(-5, 12);
      expect(tau).toBeCloseTo(1.6, 12);
      expect(v[1]).toBeCloseTo(0.5, 12);
    }
  });

  it('works on a slice of a larger buffer', () => {
    const v = new Float64Array([7, 3, 4, 7]);
    expect(householder(v, 1, 2)).toEqual({ beta: -5, tau: 1.6 });
    expect([...v]).toEqual([7, -5, 0.5, 7]);
  });
});
