import { describe, expect, it } from 'vitest';
import {
  fitHybrid,
  hybridMetric,
  hybridScores,
  modelSizeCorrelation,
  nngpFlops,
  PETA,
  residualBias,
  searchSpaceReduction,
  trainingFlops,
} from '../../src/metrics/index.ts';
import { scipy } from './reference.ts';

describe('searchSpaceReduction', () => {
  // Ten architectures: the NNGP ranks them perfectly, 12-epoch training ranks them backwards.
  const truth = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
  const nngp = truth.map((t) => t * 2);
  const epoch12 = truth.map((t) => 1 - t);
  const flops = truth.map(() => 1e9);
  const input = {
    truth,
    nngp,
    training: { 12: epoch12 },
    inferenceFlops: flops,
    nngpConfig: { nTrain: 10, nVal: 10, ensemble: 1 },
  };
  const subsets = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];

  it('screens by NNGP, then discovers with training inside the kept set, with costs', () => {
    const rows = searchSpaceReduction(input, { subsets, keepPercents: [30], topK: 1, seed: 1 });
    expect(rows.map((r) => [r.epochs, r.screening, r.keepPercent])).toEqual([
      [12, 'none', null],
      [12, 'nngp', 30],
      [12, 'random', 30],
    ]);
    const [none, screened, random] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    // Without screening, training picks the worst architecture (0.1).
    expect(none.discovered.values).toEqual([0.1]);
    expect(none.costPflops).toBeCloseTo((10 * trainingFlops(12, 1e9)) / PETA, 12);
    // The NNGP keeps 0.8, 0.9, 1.0; training's pick among those is 0.8.
    expect(screened.discovered.values).toEqual([0.8]);
    const nngpCost = 10 * nngpFlops(input.nngpConfig, 1e9);
    expect(screened.costPflops).toBeCloseTo((nngpCost + 3 * trainingFlops(12, 1e9)) / PETA, 12);
    // A random 30 % trains 3 architectures at no screening cost.
    expect(random.costPflops).toBeCloseTo((3 * trainingFlops(12, 1e9)) / PETA, 12);
    expect(truth).toContain(random.discovered.values[0]);
  });

  it('works within a subset of the architectures (indices of the restriction)', () => {
    const rows = searchSpaceReduction(input, {
      subsets: [[0, 1, 2, 3]],
      subset: [6, 7, 8, 9],
      keepPercents: [50],
      topK: 1,
    });
    // Kept by NNGP: 0.9 and 1.0; training prefers 0.9.
    expect(rows.find((r) => r.screening === 'nngp')?.discovered.values).toEqual([0.9]);
  });

  it('refuses a bad percent or series', () => {
    expect(() => searchSpaceReduction(input, { subsets, keepPercents: [0] })).toThrow(/percent/);
    expect(() => searchSpaceReduction({ ...input, nngp: nngp.slice(1) }, { subsets })).toThrow(
      /nngp: has 9 values/,
    );
  });
});

describe('hybrid metric', () => {
  it('matches numpy.linalg.lstsq on [epoch4, nngp, 1]', () => {
    const h = scipy.hybrid;
    const fit = fitHybrid(h.epoch12, h.epoch4, h.nngp);
    expect(fit).not.toBeNull();
    const { coefficients, rSquared, residualStandardError, n } = fit as NonNullable<typeof fit>;
    expect(n).toBe(h.epoch12.length);
    expect(Math.abs(coefficients.epoch4 - h.coefficients.epoch4)).toBeLessThan(1e-9);
    expect(Math.abs(coefficients.nngp - h.coefficients.nngp)).toBeLessThan(1e-9);
    expect(Math.abs(coefficients.bias - h.coefficients.bias)).toBeLessThan(1e-9);
    expect(Math.abs(rSquared - h.rSquared)).toBeLessThan(1e-9);
    expect(Math.abs((residualStandardError as number) - h.residualStandardError)).toBeLessThan(
      1e-9,
    );
  });

  it('recovers an exact linear relation and scores with it', () => {
    const e4 = [0.1, 0.5, 0.2, 0.9, 0.4];
    const nngp = [0.3, 0.1, 0.7, 0.2, 0.6];
    const e12 = e4.map((a, i) => 2 * a - 3 * (nngp[i] as number) + 0.5);
    const fit = fitHybrid(e12, e4, nngp);
    expect(fit?.coefficients.epoch4).toBeCloseTo(2, 12);
    expect(fit?.coefficients.nngp).toBeCloseTo(-3, 12);
    expect(fit?.coefficients.bias).toBeCloseTo(0.5, 12);
    expect(fit?.rSquared).toBeCloseTo(1, 12);
    const scores = hybridScores(fit as NonNullable<typeof fit>, e4, nngp);
    scores.forEach((s, i) => {
      expect(s).toBeCloseTo(e12[i] as number, 12);
    });
  });

  it('evaluates the fitted score like any predictor, fitting on a subset', () => {
    const h = scipy.hybrid;
    const truth = h.epoch12.map((v, i) => v + 0.001 * (i % 5));
    const report = hybridMetric(
      { truth, epoch12: h.epoch12, epoch4: h.epoch4, nngp: h.nngp },
      { subsets: { count: 2, size: 100, seed: 0 } },
      { fitSubset: Array.from({ length: 200 }, (_, i) => i), cost: 3 },
    );
    expect(report.fit?.n).toBe(200);
    expect(report.scores).toHaveLength(truth.length);
    expect(report.evaluation?.kendallTau).toBeGreaterThan(0.5);
    expect(report.evaluation?.cost).toBe(3);
    expect(
      hybridMetric({ truth: [1, 2, 3], epoch12: [1, 2, 3], epoch4: [1, 1, 1], nngp: [1, 2, 3] }),
    ).toEqual({
      fit: null,
      scores: null,
      evaluation: null,
    });
  });

  it('is null when the inputs are collinear or too few, and fits on a subset', () => {
    expect(fitHybrid([1, 2, 3, 4], [1, 2, 3, 4], [2, 4, 6, 8])).toBeNull();
    expect(fitHybrid([1, 2, 3, 4], [1, 1, 1, 1], [2, 4, 6, 9])).toBeNull();
    expect(fitHybrid([1, 2], [1, 2], [2, 1])).toBeNull();
    const fit = fitHybrid([9, 1, 2, 3, 4], [9, 1, 3, 2, 5], [0, 2, 1, 3, 1], [1, 2, 3, 4]);
    expect(fit?.n).toBe(4);
  });
});

describe('residual-connection bias', () => {
  it('matches scipy percentileofscore(kind="mean") averaged per residual count', () => {
    const r = scipy.residualBias;
    const rows = residualBias(r.residuals, { a: r.a, b: r.b });
    expect(rows.map((row) => [row.residualConnections, row.architectures])).toEqual(
      r.rows.map((row) => [row.residualConnections, row.architectures]),
    );
    rows.forEach((row, i) => {
      const expected = r.rows[i] as (typeof r.rows)[number];
      for (const name of ['a', 'b'])
        expect(
          Math.abs(
            (row.meanPercentile[name] as number) - (expected.meanPercentile[name] as number),
          ),
        ).toBeLessThan(1e-9);
    });
  });

  it('ranks within a subset; refuses non-integer counts', () => {
    const rows = residualBias([0, 1, 1, 0], { p: [1, 2, 3, 4] }, [0, 1, 2]);
    // Within {1, 2, 3}: percentiles 100·(r − ½)/3 = 16.7, 50, 83.3.
    expect(rows[0]?.meanPercentile.p).toBeCloseTo(100 / 6, 12);
    expect(rows[1]?.meanPercentile.p).toBeCloseTo((50 + 250 / 3) / 2, 12);
    expect(() => residualBias([0.5], { p: [1] })).toThrow(/expected a count/);
  });
});

describe('model size', () => {
  it('τ and r between NNGP accuracy and parameter count, within a subset', () => {
    const nngp = [0.3, 0.4, 0.5, 0.45];
    const parameters = [1e6, 2e6, 3e6, 9e6];
    const within = modelSizeCorrelation(nngp, parameters, [0, 1, 2]);
    expect(within.kendallTau).toBe(1);
    expect(within.pearson).toBeCloseTo(1, 15);
    expect(modelSizeCorrelation(nngp, parameters).kendallTau).toBeCloseTo(2 / 3, 15);
  });
});
