import { describe, expect, it } from 'vitest';
import {
  bootstrapMean,
  bootstrapPqetp,
  evaluatePredictor,
  MetricsInputError,
  pqetpCurve,
} from '../../src/metrics/index.ts';

// 300 architectures: truth in [0.8, 0.95), a noisy predictor of it.
const n = 300;
const truth = Float64Array.from({ length: n }, (_, i) => 0.8 + (0.15 * ((i * 7919) % n)) / n);
const predictor = Float64Array.from(
  { length: n },
  (_, i) => (truth[i] as number) + 0.04 * (((i * 104729) % 97) / 97),
);
const thresholds = [0.85, 0.9, 0.93];

describe('bootstrapPqetp', () => {
  it('is seeded and its intervals contain PQETP at each threshold', () => {
    const a = bootstrapPqetp(truth, predictor, thresholds, { resamples: 300, seed: 4 });
    expect(bootstrapPqetp(truth, predictor, thresholds, { resamples: 300, seed: 4 })).toEqual(a);
    expect(bootstrapPqetp(truth, predictor, thresholds, { resamples: 300, seed: 5 })).not.toEqual(
      a,
    );
    const curve = pqetpCurve(truth, predictor, thresholds);
    curve.forEach((point, i) => {
      const interval = a[i];
      expect(interval).not.toBeNull();
      expect(interval?.low).toBeLessThanOrEqual(point.auroc as number);
      expect(interval?.high).toBeGreaterThanOrEqual(point.auroc as number);
    });
  });

  it('is null where no architecture is above the threshold', () => {
    expect(bootstrapPqetp(truth, predictor, [0.99], { resamples: 10 })).toEqual([null]);
  });

  it('checks its options as the correlation bootstrap does', () => {
    expect(() => bootstrapPqetp(truth, predictor, thresholds, { resamples: 0 })).toThrow(
      MetricsInputError,
    );
    expect(() => bootstrapMean([1, 2], { level: 1 })).toThrow(/bootstrap.level/);
  });
});

describe('bootstrapMean', () => {
  it('is seeded, contains the mean, and is null for a single value', () => {
    const values = [0.941, 0.944, 0.943, 0.939, 0.945];
    const a = bootstrapMean(values, { seed: 2 });
    expect(bootstrapMean(values, { seed: 2 })).toEqual(a);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(a?.low).toBeLessThanOrEqual(mean);
    expect(a?.high).toBeGreaterThanOrEqual(mean);
    expect(bootstrapMean([0.94])).toBeNull();
  });
});

describe('evaluatePredictor with bootstrap', () => {
  it('adds PQETP and discovered-performance intervals; none without bootstrap', () => {
    const options = { thresholds, subsets: { count: 5, size: 100, seed: 1 } };
    const plain = evaluatePredictor(truth, predictor, options);
    expect(plain.pqetpIntervals).toBeUndefined();
    expect(plain.discoveredInterval).toBeUndefined();
    const e = evaluatePredictor(truth, predictor, { ...options, bootstrap: { resamples: 200 } });
    expect(e.pqetpIntervals).toEqual(
      bootstrapPqetp(truth, predictor, thresholds, { resamples: 200 }),
    );
    expect(e.discoveredInterval).toEqual(bootstrapMean(e.discovered.values, { resamples: 200 }));
    expect(e.discoveredInterval?.low).toBeLessThanOrEqual(e.discovered.mean);
    expect(e.discoveredInterval?.high).toBeGreaterThanOrEqual(e.discovered.mean);
  });
});
