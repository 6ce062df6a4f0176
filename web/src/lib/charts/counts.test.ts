import { describe, expect, it } from 'vitest';
import { describeCounts } from './counts.ts';

describe('describeCounts', () => {
  it('gives one n when every predictor has the same, else each', () => {
    expect(
      describeCounts([
        { predictor: '4 epochs', count: 1200 },
        { predictor: '12 epochs', count: 1200 },
      ]),
    ).toBe('n = 1,200 architectures for every predictor.');
    expect(
      describeCounts([
        { predictor: '4 epochs', count: 40 },
        { predictor: 'NNGP 20/20/1', count: 38 },
      ]),
    ).toBe('n: 4 epochs 40 · NNGP 20/20/1 38.');
    expect(describeCounts([])).toBe('');
  });
});
