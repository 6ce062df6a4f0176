import { describe, expect, it } from 'vitest';
import {
  auroc,
  MetricsInputError,
  PQETP_THRESHOLDS,
  PQETP_TOP_PERCENTS,
  pqetpCurve,
  pqetpPercentiles,
  quantile,
  spreadThresholds,
  thresholdsWhereBetter,
} from '../../src/metrics/index.ts';
import { scipy } from './reference.ts';

describe('auroc', () => {
  it('counts ties in the score as one half', () => {
    // Positives 0.35, 0.8 against negatives 0.1, 0.4: wins 1 + 2 of 4 pairs.
    expect(auroc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // A tie between a positive and a negative: ½.
    expect(auroc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(auroc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
  });

  it('is null when one class is empty, and refuses mismatched labels', () => {
    expect(auroc([1, 2], [true, true])).toBeNull();
    expect(() => auroc([1, 2], [true])).toThrow(MetricsInputError);
  });
});

describe('pqetpCurve', () => {
  it('is the AUROC for "ground truth > t" at each threshold', () => {
    const truth = [0.8, 0.85, 0.9, 0.95];
    const predictor = [1, 3, 2, 4];
    expect(pqetpCurve(truth, predictor, [0.7, 0.82, 0.87, 0.92, 0.95])).toEqual([
      { threshold: 0.7, auroc: null },
      { threshold: 0.82, auroc: 1 },
      { threshold: 0.87, auroc: 0.75 },
      { threshold: 0.92, auroc: 1 },
      { threshold: 0.95, auroc: null },
    ]);
  });

  it('uses the paper grid 0.78..0.948 step 0.003 and top 1/5/20/50 %', () => {
    expect(PQETP_THRESHOLDS).toHaveLength(57);
    expect(PQETP_THRESHOLDS[0]).toBe(0.78);
    expect(PQETP_THRESHOLDS[3]).toBe(0.789);
    expect(PQETP_THRESHOLDS.at(-1)).toBe(0.948);
    expect(PQETP_TOP_PERCENTS).toEqual([1, 5, 20, 50]);
  });

  it.each(scipy.pqetp.map((c) => [c.name, c] as const))(
    'agrees with mannwhitneyu U/(n1·n0) and numpy quantiles: %s',
    (_, c) => {
      const curve = pqetpCurve(c.truth, c.predictor, c.thresholds);
      curve.forEach((point, i) => {
        const expected = c.auroc[i];
        if (expected === null || expected === undefined) expect(point.auroc).toBeNull();
        else expect(Math.abs((point.auroc as number) - expected)).toBeLessThan(1e-12);
      });
      const percentiles = pqetpPercentiles(c.truth, c.predictor, PQETP_TOP_PERCENTS);
      percentiles.forEach((point, i) => {
        const expected = c.percentiles[i] as (typeof c.percentiles)[number];
        expect(point.topPercent).toBe(expected.topPercent);
        expect(point.threshold).toBe(expected.threshold);
        expect(Math.abs((point.auroc as number) - expected.auroc)).toBeLessThan(1e-12);
      });
    },
  );

  it('quantiles match numpy bit for bit', () => {
    const { values, q, expected } = scipy.quantile;
    expect(q.map((p) => quantile(values, p))).toEqual(expected);
  });
});

describe('spreadThresholds', () => {
  it('spans the 5th to the 95th percentile in as many even steps as the paper grid', () => {
    const truth = Array.from({ length: 200 }, (_, i) => 0.4 + ((i * 37) % 200) / 1000);
    const t = spreadThresholds(truth);
    expect(t).toHaveLength(PQETP_THRESHOLDS.length);
    expect(t[0]).toBe(quantile(truth, 0.05));
    expect(t.at(-1)).toBeCloseTo(quantile(truth, 0.95), 14);
    for (let i = 1; i < t.length; i++)
      expect((t[i] as number) - (t[i - 1] as number)).toBeCloseTo(
        (t[1] as number) - (t[0] as number),
        14,
      );
    // Every event "truth > t" has architectures on both sides, so every PQETP is defined.
    const curve = pqetpCurve(truth, truth, t);
    expect(curve.every((p) => p.auroc === 1)).toBe(true);
    expect(spreadThresholds([])).toEqual([]);
    expect(() => spreadThresholds(truth, 1)).toThrow(/count/);
  });
});

describe('thresholdsWhereBetter', () => {
  it('returns the maximal runs where one curve is strictly above the other', () => {
    const t = [0.8, 0.81, 0.82, 0.83, 0.84];
    const a = [0.6, 0.7, 0.7, null, 0.9].map((auroc, i) => ({ threshold: t[i] as number, auroc }));
    const b = [0.7, 0.6, 0.6, 0.5, 0.8].map((auroc, i) => ({ threshold: t[i] as number, auroc }));
    expect(thresholdsWhereBetter(a, b)).toEqual([
      { from: 0.81, to: 0.82 },
      { from: 0.84, to: 0.84 },
    ]);
    expect(thresholdsWhereBetter(b, a)).toEqual([{ from: 0.8, to: 0.8 }]);
    expect(() => thresholdsWhereBetter(a, b.slice(1))).toThrow(/share/);
  });
});
