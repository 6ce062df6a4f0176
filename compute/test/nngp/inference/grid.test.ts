import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  bestOfGrid,
  centredTargets,
  REGULARIZER_GRID,
} from '../../../src/nngp/inference/index.ts';

const numpyGrid: number[] = JSON.parse(
  readFileSync(new URL('./fixtures/inference-scipy.json', import.meta.url), 'utf8'),
).grid;

describe('REGULARIZER_GRID', () => {
  it('is numpy logspace(-7, 2, 20)', () => {
    expect(REGULARIZER_GRID).toHaveLength(20);
    expect(REGULARIZER_GRID[0]).toBe(1e-7);
    expect(REGULARIZER_GRID[19]).toBe(100);
    REGULARIZER_GRID.forEach((value, k) => {
      // pow() may differ by an ulp between V8 and numpy's C library.
      expect(Math.abs(value - (numpyGrid[k] as number)) / value).toBeLessThan(4e-16);
      if (k > 0)
        expect(value / (REGULARIZER_GRID[k - 1] as number)).toBeCloseTo(10 ** (9 / 19), 12);
    });
  });

  it('cannot be changed by callers', () => {
    expect(Object.isFrozen(REGULARIZER_GRID)).toBe(true);
  });
});

describe('centredTargets', () => {
  it('is one-hot minus 1/C, so every row sums to zero', () => {
    const y = centredTargets([2, 0], 4);
    expect([...y]).toEqual([-0.25, -0.25, 0.75, -0.25, 0.75, -0.25, -0.25, -0.25]);
  });
});

describe('accuracy', () => {
  it('takes the argmax per row, ties going to the lowest class', () => {
    // rows: clear 1; tie between 0 and 2 → 0; all equal → 0
    const scores = new Float64Array([0, 5, 1, 3, 1, 3, 0, 0, 0]);
    expect(accuracy(scores, 3, 0, 3, [1, 0, 0])).toBe(1);
    expect(accuracy(scores, 3, 0, 3, [1, 2, 1])).toBeCloseTo(1 / 3, 15);
  });

  it('reads one shift’s columns out of a wider score matrix', () => {
    // two shifts × 2 classes per row
    const scores = new Float64Array([1, 0, 0, 1, 0, 1, 1, 0]);
    expect(accuracy(scores, 4, 0, 2, [0, 1])).toBe(1);
    expect(accuracy(scores, 4, 2, 2, [0, 1])).toBe(0);
  });
});

describe('bestOfGrid', () => {
  it('takes the highest accuracy, ties to the smallest ε, skipping failures', () => {
    expect(bestOfGrid([1e-3, 1e-2, 1e-1], [0.5, 0.7, 0.7])).toEqual({
      bestAccuracy: 0.7,
      bestRegularizer: 1e-2,
    });
    expect(bestOfGrid([1, 0.1, 0.01], [0.7, 0.7, null])).toEqual({
      bestAccuracy: 0.7,
      bestRegularizer: 0.1,
    });
    expect(bestOfGrid([1, 2], [null, null])).toEqual({ bestAccuracy: null, bestRegularizer: null });
  });
});
