import { describe, expect, it } from 'vitest';
import type { PredictorMetrics, ReductionRow } from '../api/types.ts';
import { trainingPredictor } from '../predictors.ts';
import { discoveredPoint, toDiscoveredSeries } from './discovered.ts';
import { toHistogramBars } from './histogram.ts';
import { predictorColours } from './palette.ts';
import { toPqetpRows } from './pqetp.ts';
import { toReductionLines } from './reduction.ts';
import { toRegularizerRows } from './regularizers.ts';
import { toResidualBiasRows } from './residual-bias.ts';
import { toTauCostPoints } from './tau-cost.ts';
import { toTrainingCurve } from './training-curve.ts';

function metrics(predictor: string, overrides: Partial<PredictorMetrics> = {}): PredictorMetrics {
  return {
    predictor,
    count: 100,
    kendallTau: 0.3,
    pearson: 0.25,
    kendallTauInterval: null,
    pearsonInterval: null,
    pqetp: [
      { threshold: 0.9, auroc: 0.7 },
      { threshold: 0.93, auroc: null },
    ],
    discovered: { mean: 0.93, standardError: 0.002, topK: 10, subsetSize: 100 },
    costPflops: 12_500,
    notes: [],
    ...overrides,
  };
}

const nngpSpec = {
  label: 'NNGP 100/200 ×2',
  family: 'nngp' as const,
  input: { kind: 'NNGP' as const, experiment: '1', name: 'NNGP 100/200 ×2' },
};

describe('toTauCostPoints', () => {
  it('places predictors with a positive cost and lists the others', () => {
    const { points, unplaced } = toTauCostPoints(
      [
        metrics('4 epochs', { kendallTauInterval: { low: 0.2, high: 0.45 } }),
        metrics('NNGP 100/200 ×2', { costPflops: null }),
        metrics('12 epochs', { kendallTau: null, pearson: null }),
      ],
      [trainingPredictor(4), nngpSpec, trainingPredictor(12)],
    );
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({
      predictor: '4 epochs',
      family: 'training',
      cost: 12_500,
      kendallTau: 0.3,
      pearson: 0.25,
      pearsonError: null,
      count: 100,
    });
    // Error bars reach the interval's ends: 0.1 below and 0.15 above τ.
    expect(points[0]?.kendallTauError?.[0]).toBeCloseTo(0.1, 12);
    expect(points[0]?.kendallTauError?.[1]).toBeCloseTo(0.15, 12);
    expect(unplaced).toEqual(['NNGP 100/200 ×2', '12 epochs']);
  });
});

describe('toPqetpRows', () => {
  it('pivots curves to one row per threshold, keeping undefined AUROCs as gaps', () => {
    const { rows, series } = toPqetpRows([
      metrics('4 epochs'),
      metrics('12 epochs', {
        pqetp: [
          { threshold: 0.9, auroc: 0.8 },
          { threshold: 0.93, auroc: 0.6 },
        ],
      }),
      metrics('constant', { pqetp: [{ threshold: 0.9, auroc: null }] }),
    ]);
    expect(series).toEqual(['4 epochs', '12 epochs']);
    expect(rows).toEqual([
      { threshold: 0.9, '4 epochs': 0.7, '12 epochs': 0.8 },
      { threshold: 0.93, '4 epochs': null, '12 epochs': 0.6 },
    ]);
  });
});

describe('discovered performance', () => {
  it('gives a ±1 SE band, and no point without a cost', () => {
    const point = discoveredPoint('x', 10, {
      mean: 0.9,
      standardError: 0.01,
      topK: 10,
      subsetSize: 5,
    });
    expect(point?.band[0]).toBeCloseTo(0.89, 12);
    expect(point?.band[1]).toBeCloseTo(0.91, 12);
    expect(
      discoveredPoint('x', null, { mean: 0.9, standardError: 0.01, topK: 10, subsetSize: 5 }),
    ).toBeNull();
    expect(
      discoveredPoint('x', 10, { mean: 0.9, standardError: null, topK: 10, subsetSize: 5 })?.band,
    ).toEqual([0.9, 0.9]);
  });

  it('joins training budgets into one line and NNGP configurations into another, by cost', () => {
    const series = toDiscoveredSeries(
      [
        metrics('12 epochs', { costPflops: 37_000 }),
        metrics('4 epochs'),
        metrics('NNGP 100/200 ×2', { costPflops: 3 }),
      ],
      [trainingPredictor(4), trainingPredictor(12), nngpSpec],
    );
    expect(series.map((s) => [s.name, s.points.map((p) => p.label)])).toEqual([
      ['training', ['4 epochs', '12 epochs']],
      ['NNGP', ['NNGP 100/200 ×2']],
    ]);
  });
});

describe('toReductionLines', () => {
  const row = (
    epochs: number,
    screening: ReductionRow['screening'],
    keepPercent: number | null,
    cost: number,
  ): ReductionRow => ({
    epochs,
    screening,
    keepPercent,
    costPflops: cost,
    discovered: { mean: 0.94, standardError: 0.001, topK: 10, subsetSize: 100 },
  });

  it('makes one line per strategy over the training budgets', () => {
    const lines = toReductionLines([
      row(36, 'NONE', null, 300),
      row(12, 'NONE', null, 100),
      row(12, 'NNGP', 30, 40),
      row(12, 'RANDOM', 30, 30),
    ]);
    expect(lines.map((l) => [l.name, l.points.map((p) => p.cost)])).toEqual([
      ['no screening', [100, 300]],
      ['NNGP top 30 %', [40]],
      ['random 30 %', [30]],
    ]);
  });
});

describe('toResidualBiasRows', () => {
  it('pivots to one row per residual count in increasing order', () => {
    const { rows, series } = toResidualBiasRows([
      {
        residualConnections: 2,
        architectures: 5,
        percentiles: [{ predictor: '4 epochs', meanPercentile: 60 }],
      },
      {
        residualConnections: 0,
        architectures: 3,
        percentiles: [{ predictor: '4 epochs', meanPercentile: 20 }],
      },
    ]);
    expect(series).toEqual(['4 epochs']);
    expect(rows).toEqual([
      { residualConnections: 0, architectures: 3, '4 epochs': 20 },
      { residualConnections: 2, architectures: 5, '4 epochs': 60 },
    ]);
  });
});

describe('toHistogramBars', () => {
  it('tags bins with the cluster containing their geometric centre', () => {
    const bars = toHistogramBars(
      [
        { min: 1e6, max: 4e6, count: 3 },
        { min: 17e6, max: 19e6, count: 1 },
        { min: 20e6, max: 22e6, count: 2 },
      ],
      [
        { id: 0, label: 'small', minParameters: 2e5, maxParameters: 16.9e6, count: 3 },
        { id: 1, label: 'large', minParameters: 19.5e6, maxParameters: null, count: 2 },
      ],
    );
    expect(bars.map((b) => [b.centre, b.cluster, b.label])).toEqual([
      [2e6, 0, '2M'],
      [Math.sqrt(17e6 * 19e6), null, '18M'],
      [Math.sqrt(20e6 * 22e6), 1, '21M'],
    ]);
  });
});

describe('predictorColours', () => {
  it('keeps families apart and predictors distinct within a family', () => {
    const colours = predictorColours([trainingPredictor(4), trainingPredictor(12), nngpSpec]);
    expect(new Set(colours.values()).size).toBe(3);
    expect(colours.get('NNGP 100/200 ×2')).toBe('#0072B2');
  });
});

describe('toTrainingCurve', () => {
  it('gives each repeat a column and the mean, by budget', () => {
    const curve = toTrainingCurve({
      training: [
        { epochs: 108, repeat: 1, validationAccuracy: 0.93 },
        { epochs: 4, repeat: 0, validationAccuracy: 0.8 },
        { epochs: 108, repeat: 0, validationAccuracy: 0.94 },
      ],
      trainingMeans: [
        { epochs: 4, repeats: 1, validationAccuracy: 0.8 },
        { epochs: 108, repeats: 2, validationAccuracy: 0.935 },
      ],
    });
    expect(curve.repeats).toEqual(['repeat 0', 'repeat 1']);
    expect(curve.rows).toEqual([
      { epochs: 4, mean: 0.8, 'repeat 0': 0.8 },
      { epochs: 108, mean: 0.935, 'repeat 0': 0.94, 'repeat 1': 0.93 },
    ]);
  });
});

describe('toRegularizerRows', () => {
  it('gives one column per configuration, failed solves as null', () => {
    const result = (
      nTrain: number,
      accuracies: (number | null)[],
      kind: 'NNGP' | 'NTK' = 'NNGP',
    ) => ({
      experiment: { id: '1', name: 'a' },
      kind,
      nTrain,
      nVal: 200,
      ensemble: 1,
      accuracy: 0.3,
      accuracies,
      regularizers: [1e-7, 1],
      engine: 'tfjs',
      backend: 'wasm',
      seconds: 1,
    });
    const { rows, series } = toRegularizerRows([result(100, [0.3, null]), result(50, [0.2, 0.25])]);
    expect(series).toEqual(['NNGP 100/200 ×1', 'NNGP 50/200 ×1']);
    // An experiment with the empirical NTK has a second series per configuration.
    const both = toRegularizerRows([result(100, [0.3, null]), result(100, [0.25, 0.2], 'NTK')]);
    expect(both.series).toEqual(['NNGP 100/200 ×1', 'NTK 100/200 ×1']);
    expect(both.rows[1]).toEqual({
      regularizer: 1,
      'NNGP 100/200 ×1': null,
      'NTK 100/200 ×1': 0.2,
    });
    expect(rows).toEqual([
      { regularizer: 1e-7, 'NNGP 100/200 ×1': 0.3, 'NNGP 50/200 ×1': 0.2 },
      { regularizer: 1, 'NNGP 100/200 ×1': null, 'NNGP 50/200 ×1': 0.25 },
    ]);
  });
});
