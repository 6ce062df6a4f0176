import { describe, expect, it } from 'vitest';
import {
  bootstrapCorrelations,
  evaluatePredictor,
  evaluatePredictors,
  kendallTau,
  MetricsInputError,
  metricsFromJson,
  pearson,
} from '../../src/metrics/index.ts';
import { seededRandom } from '../support/fixtures.ts';

const random = seededRandom(11);
const n = 3000;
// Ground truth spans every default PQETP threshold (0.78..0.948).
const truth = Array.from({ length: n }, () => 0.75 + 0.22 * random());
const good = truth.map((t) => t + 0.02 * (random() - 0.5));
const poor = truth.map((t) => Math.round((t + 0.2 * (random() - 0.5)) * 100) / 100);

describe('bootstrapCorrelations', () => {
  it('is seeded, and its interval brackets the estimate', () => {
    const a = bootstrapCorrelations(truth, poor, { resamples: 200, seed: 3 });
    const b = bootstrapCorrelations(truth, poor, { resamples: 200, seed: 3 });
    expect(a).toEqual(b);
    const tau = kendallTau(truth, poor) as number;
    const r = pearson(truth, poor) as number;
    expect(a.kendallTau?.low).toBeLessThan(tau);
    expect(a.kendallTau?.high).toBeGreaterThan(tau);
    expect(a.pearson?.low).toBeLessThan(r);
    expect(a.pearson?.high).toBeGreaterThan(r);
    expect((a.kendallTau?.high as number) - (a.kendallTau?.low as number)).toBeLessThan(0.1);
    expect(bootstrapCorrelations(truth, poor, { resamples: 200, seed: 4 })).not.toEqual(a);
  });

  it('degenerates to [1, 1] for a perfect ranking and drops undefined resamples', () => {
    const perfect = bootstrapCorrelations([1, 2, 3, 4, 5], [2, 4, 6, 8, 10], { resamples: 50 });
    expect(perfect.kendallTau?.low).toBeCloseTo(1, 15);
    expect(perfect.kendallTau?.high).toBeCloseTo(1, 15);
    // Two values: about half the resamples draw one value twice (constant).
    const tiny = bootstrapCorrelations([1, 2], [1, 2], { resamples: 100 });
    expect(tiny.undefinedResamples.kendallTau).toBeGreaterThan(20);
    expect(() => bootstrapCorrelations([1, 2], [1, 2], { level: 1 })).toThrow(/level/);
  });
});

describe('evaluatePredictors', () => {
  const report = evaluatePredictors(
    truth,
    { good, poor },
    { subsets: { count: 5, size: 1000, seed: 1 }, costs: { good: 10 } },
  );

  it('reports τ, r, PQETP, discovered performance and costs per predictor', () => {
    expect(report.good?.n).toBe(n);
    expect(report.good?.kendallTau).toBe(kendallTau(truth, good));
    expect(report.good?.pearson).toBe(pearson(truth, good));
    expect(report.good?.pqetp).toHaveLength(57);
    expect(report.good?.pqetpPercentile.map((p) => p.topPercent)).toEqual([1, 5, 20, 50]);
    expect(report.good?.discovered.values).toHaveLength(5);
    expect(report.good?.discovered.topK).toBe(10);
    expect(report.good?.cost).toBe(10);
    expect(report.good?.discovered.cost).toBeCloseTo(10 / 3, 12);
    expect(report.poor?.cost).toBeUndefined();
    // The better predictor discovers better architectures and beats the other at high thresholds.
    expect(report.good?.discovered.mean).toBeGreaterThan(report.poor?.discovered.mean as number);
    expect(report.good?.beats.poor?.at(-1)?.to).toBe(0.948);
    expect(report.good?.notes).toEqual([]);
  });

  it('says why a statistic is null', () => {
    const constant = evaluatePredictor(truth.slice(0, 20), new Array(20).fill(0.5), {
      subsets: [[0, 1, 2]],
    });
    expect(constant.kendallTau).toBeNull();
    expect(constant.pearson).toBeNull();
    expect(constant.discovered.standardError).toBeNull();
    expect(constant.notes.join('\n')).toMatch(/null because the predictor is constant/);
    expect(constant.notes.join('\n')).toMatch(/only one subset/);
    const single = evaluatePredictor([0.9], [0.1]);
    expect(single.notes.join('\n')).toMatch(/fewer than two architectures/);
  });

  it('evaluates within a subset of the architectures', () => {
    const subset = Array.from({ length: 500 }, (_, i) => i * 2);
    const within = evaluatePredictor(truth, good, {
      subset,
      subsets: { count: 2, size: 100, seed: 0 },
    });
    expect(within.n).toBe(500);
    expect(within.kendallTau).toBe(
      kendallTau(
        subset.map((i) => truth[i] as number),
        subset.map((i) => good[i] as number),
      ),
    );
  });
});

describe('metricsFromJson (the `nngp metrics` contract)', () => {
  it('answers {name: {kendallTau, pearson, pqetp, discovered, …}}', () => {
    const out = metricsFromJson({
      truth: [0.9, 0.91, 0.93, 0.92, 0.95],
      predictors: { a: [0.3, 0.5, 0.4, 0.6, 0.7] },
      thresholds: [0.905, 0.925],
      topK: 1,
      subsets: [
        [0, 1, 2],
        [2, 3, 4],
      ],
      costs: { a: 2.5 },
      bootstrap: { resamples: 20, seed: 1 },
    });
    const a = out.a as NonNullable<typeof out.a>;
    expect(a.kendallTau).toBeCloseTo(0.6, 15);
    expect(a.pqetp).toEqual([
      { threshold: 0.905, auroc: 1 },
      // Positives 0.93 and 0.95 score 0.4 and 0.7 against 0.3, 0.5, 0.6: 4 of 6 pairs.
      { threshold: 0.925, auroc: 4 / 6 },
    ]);
    // Subset [0,1,2]: top 1 by predictor is 1 (0.5) → 0.91; [2,3,4]: 4 → 0.95.
    expect(a.discovered).toMatchObject({ values: [0.91, 0.95], topK: 1 });
    expect(a.discovered.mean).toBeCloseTo(0.93, 15);
    expect(a.cost).toBe(2.5);
    expect(a.kendallTauInterval).toBeDefined();
  });

  it.each([
    [{ truth: [], predictors: { a: [] } }, 'truth: is empty'],
    [{ truth: [1, 2], predictors: { a: [1] } }, 'predictors.a: has 1 values, expected 2'],
    [{ truth: [1, null], predictors: { a: [1, 2] } }, 'truth: entry 1 is null'],
    [{ truth: [1, 2], predictors: {} }, 'predictors: is empty'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, topk: 3 }, 'topk: unknown field'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, topK: 0 }, 'topK: is 0'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, subsets: [[0, 2]] }, 'subsets[0]: entry 1 is 2'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, subsets: { count: 1, size: 2 } }, 'subsets.seed'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, costs: { b: 1 } }, 'costs.b: names no predictor'],
    [{ truth: [1, 2], predictors: { a: [1, 2] }, costs: { a: -1 } }, 'costs.a: is -1'],
    [[1, 2], 'input: is an array of 2'],
  ])('refuses %j', (input, message) => {
    expect(() => metricsFromJson(input)).toThrow(MetricsInputError);
    expect(() => metricsFromJson(input)).toThrow(message);
  });
});
