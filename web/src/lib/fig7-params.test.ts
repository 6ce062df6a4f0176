import { describe, expect, it } from 'vitest';
import { DEFAULT_FIG7_K, parseFig7K } from './fig7-params.ts';

describe('parseFig7K', () => {
  it('is 10 when absent or empty', () => {
    expect(parseFig7K({})).toEqual({ k: DEFAULT_FIG7_K, problem: null });
    expect(parseFig7K(new URLSearchParams('k='))).toEqual({ k: 10, problem: null });
  });

  it('reads a whole number, the last when repeated', () => {
    expect(parseFig7K({ k: '20' })).toEqual({ k: 20, problem: null });
    expect(parseFig7K({ k: ['5', '7'] })).toEqual({ k: 7, problem: null });
  });

  it.each(['0', '-3', '2.5', 'ten', '100000'])('reports k=%s naming it and uses 10', (value) => {
    const { k, problem } = parseFig7K({ k: value });
    expect(k).toBe(10);
    expect(problem).toMatch(new RegExp(`^k=${value}: must be a whole number`));
  });
});
