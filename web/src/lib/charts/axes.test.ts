import { describe, expect, it } from 'vitest';
import { logAxis, niceAxis, niceStep, stepDecimals } from './axes.ts';

/** The differences between consecutive ticks, rounded against float noise. */
function gaps(ticks: number[]): number[] {
  return ticks.slice(1).map((tick, index) => Number((tick - (ticks[index] ?? 0)).toFixed(9)));
}

describe('niceStep', () => {
  it('picks the closest of 1, 2 and 5 times a power of ten', () => {
    expect(niceStep(70, 5)).toBe(10);
    expect(niceStep(1.4, 5)).toBe(0.2);
    expect(niceStep(0.6, 5)).toBe(0.1);
    expect(niceStep(400, 5)).toBe(100);
    expect(niceStep(2_000_000, 5)).toBe(500_000);
  });
});

describe('stepDecimals', () => {
  it('gives the decimals that print multiples of the step exactly', () => {
    expect(stepDecimals(0.1)).toBe(1);
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(20)).toBe(0);
  });
});

describe('niceAxis', () => {
  it('ticks a signed correlation range in even 0.2 steps, domain on the ticks', () => {
    const axis = niceAxis([-0.6, 0.8]);
    expect(axis.ticks).toEqual([-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8]);
    expect(axis.domain).toEqual([-0.6, 0.8]);
    expect(axis.step).toBe(0.2);
  });

  it('snaps data between ticks outwards to the neighbouring ticks', () => {
    const axis = niceAxis([-0.55, 0.73, null]);
    expect(axis.domain).toEqual([-0.6, 0.8]);
    expect(new Set(gaps(axis.ticks))).toEqual(new Set([0.2]));
  });

  it('ticks accuracies from 30 % to 100 % every 10 %', () => {
    const axis = niceAxis([0.3, 0.42, 0.9, 0.93], { bounds: [0, 1] });
    expect(axis.ticks).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(axis.domain).toEqual([0.3, 1]);
  });

  it('ticks whole numbers such as [30, 100] in tens', () => {
    expect(niceAxis([30, 100]).ticks).toEqual([30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('never passes the bounds', () => {
    const axis = niceAxis([0.93, 0.999], { bounds: [0, 1] });
    expect(axis.domain[1]).toBe(1);
    expect(Math.max(...axis.ticks)).toBe(1);
  });

  it('gives constant data a small range around the value', () => {
    const axis = niceAxis([0.5, 0.5]);
    expect(axis.domain[0]).toBeLessThan(0.5);
    expect(axis.domain[1]).toBeGreaterThan(0.5);
    expect(axis.ticks).toContain(0.5);
    expect(niceAxis([0]).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('handles negative-only data, with and without zero', () => {
    expect(niceAxis([-0.3, -0.12]).ticks).toEqual([-0.3, -0.25, -0.2, -0.15, -0.1]);
    const bars = niceAxis([-0.3, -0.12], { includeZero: true });
    expect(bars.domain).toEqual([-0.3, 0]);
    expect(bars.ticks).toEqual([-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0]);
  });

  it('pads scatter data before snapping, so no point sits on the frame', () => {
    const axis = niceAxis([0.2, 0.8], { padding: 0.05, bounds: [-1, 1] });
    expect(axis.domain[0]).toBeLessThan(0.2);
    expect(axis.domain[1]).toBeGreaterThan(0.8);
  });

  it('keeps whole-number axes in whole steps', () => {
    expect(niceAxis([0, 3], { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis([0, 840], { integer: true }).ticks).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('falls back to the bounds (or [0, 1]) without data', () => {
    expect(niceAxis([null]).domain).toEqual([0, 1]);
    expect(niceAxis([], { bounds: [0, 100] }).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('prints ticks without float noise', () => {
    for (const tick of niceAxis([0.1, 0.7]).ticks) {
      expect(String(tick).length).toBeLessThanOrEqual(4);
    }
  });
});

describe('logAxis', () => {
  it('pads by a third of a decade and ticks at the powers of ten inside', () => {
    const axis = logAxis([12_500, 110_500]);
    expect(axis.domain[0]).toBeCloseTo(12_500 / 3, 9);
    expect(axis.domain[1]).toBeCloseTo(331_500, 9);
    expect(axis.ticks).toEqual([10_000, 100_000]);
  });

  it('ticks every decade across a wide range', () => {
    expect(logAxis([0.015, 1100]).ticks).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    expect(logAxis([1e-7, 100]).ticks).toEqual([
      1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100,
    ]);
  });

  it('widens to the enclosing decades when the data span less than a decade', () => {
    const axis = logAxis([129, 131]);
    expect(axis.domain).toEqual([10, 1000]);
    expect(axis.ticks).toEqual([10, 100, 1000]);
    expect(logAxis([2, 3, 0, -1])).toEqual({ domain: [0.1, 10], ticks: [0.1, 1, 10] });
  });

  it('falls back to one decade without positive data', () => {
    expect(logAxis([])).toEqual({ domain: [1, 10], ticks: [1, 10] });
  });
});
