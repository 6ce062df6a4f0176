import { describe, expect, it } from 'vitest';
import type { ExperimentSummary } from './api/types.ts';
import { EMPTY_FILTER } from './filters/index.ts';
import {
  chosenExperiments,
  experimentConfigs,
  nngpLabel,
  nngpPredictors,
  omittedConfigsNote,
  trainingPredictor,
} from './predictors.ts';

function experiment(
  id: string,
  name: string,
  resultCount = 10,
  kernels: ('NNGP' | 'NTK')[] = ['NNGP'],
): ExperimentSummary {
  return {
    id,
    name,
    createdAt: '2026-01-01T00:00:00.000Z',
    retention: 'all',
    precision: 'float32',
    cancelledAt: null,
    resultCount,
    architectureCount: resultCount,
    engine: 'onnx',
    backend: 'cpu',
    config: {
      space: 'NASBENCH_101',
      images: null,
      labels: null,
      resolution: null,
      nTrain: 100,
      nVal: 200,
      ensemble: 2,
      seed: 0,
      stemChannels: 128,
      stacks: 3,
      modulesPerStack: 3,
      dataset: 'cifar10',
      engine: 'onnx',
      kernels,
      bnBatchSize: 128,
      // The largest configuration listed again must not appear twice.
      configs: [
        { nTrain: 100, nVal: 200, ensemble: 2 },
        { nTrain: 100, nVal: 200, ensemble: 1 },
        { nTrain: 50, nVal: 200, ensemble: 1 },
      ],
    },
  };
}

describe('experimentConfigs', () => {
  it('lists the largest and derived configurations once each, cheapest first', () => {
    expect(experimentConfigs(experiment('1', 'a'))).toEqual([
      { nTrain: 50, nVal: 200, ensemble: 1 },
      { nTrain: 100, nVal: 200, ensemble: 1 },
      { nTrain: 100, nVal: 200, ensemble: 2 },
    ]);
  });
});

describe('nngpPredictors', () => {
  it('builds NNGP predictor inputs whose names the API echoes as labels', () => {
    const [first] = nngpPredictors([experiment('1', 'a')]);
    expect(first).toEqual({
      label: 'NNGP 50/200 ×1',
      family: 'nngp',
      input: {
        kind: 'NNGP',
        experiment: '1',
        nTrain: 50,
        nVal: 200,
        ensemble: 1,
        name: 'NNGP 50/200 ×1',
      },
    });
  });

  it('names the experiment when several share a chart, keeping labels unique', () => {
    const labels = nngpPredictors([experiment('2', 'b'), experiment('1', 'a')]).map((p) => p.label);
    expect(new Set(labels).size).toBe(6);
    expect(labels[0]).toBe(`${nngpLabel({ nTrain: 50, nVal: 200, ensemble: 1 })} (b)`);
  });
});

describe('nngpPredictors of an experiment with the empirical NTK', () => {
  it('adds an NTK predictor (kernel NTK) per configuration, in the ntk family', () => {
    const specs = nngpPredictors([experiment('1', 'a', 10, ['NNGP', 'NTK'])]);
    expect(specs.map((s) => s.label)).toEqual([
      'NNGP 50/200 ×1',
      'NNGP 100/200 ×1',
      'NNGP 100/200 ×2',
      'NTK 50/200 ×1',
      'NTK 100/200 ×1',
      'NTK 100/200 ×2',
    ]);
    expect(specs[3]).toEqual({
      label: 'NTK 50/200 ×1',
      family: 'ntk',
      input: {
        kind: 'NNGP',
        experiment: '1',
        kernel: 'NTK',
        nTrain: 50,
        nVal: 200,
        ensemble: 1,
        name: 'NTK 50/200 ×1',
      },
    });
    expect(specs[0]?.input).not.toHaveProperty('kernel');
  });

  it('keeps within a budget and says how many of both kernels it shows', () => {
    const e = experiment('1', 'a', 10, ['NNGP', 'NTK']);
    const specs = nngpPredictors([e], 4);
    expect(specs).toHaveLength(4);
    expect(omittedConfigsNote([e], specs)).toMatch(/^4 of 6 NNGP configurations shown/);
  });
});

describe('nngpPredictors within a request budget', () => {
  const many = (id: string, name: string): ExperimentSummary => {
    const base = experiment(id, name);
    const configs = [100, 250, 500].flatMap((nTrain) =>
      [100, 200].flatMap((nVal) => [1, 2, 4].map((ensemble) => ({ nTrain, nVal, ensemble }))),
    );
    return { ...base, config: { ...base.config, nTrain: 500, nVal: 200, ensemble: 4, configs } };
  };

  it('keeps the largest validation set first, then the largest configurations', () => {
    const shown = nngpPredictors([many('1', 'study')], 17);
    expect(shown).toHaveLength(17);
    // The one left out: the smallest configuration of the smaller validation set.
    expect(shown.map((p) => p.label)).not.toContain('NNGP 100/100 ×1');
    expect(shown.map((p) => p.label)).toContain('NNGP 500/200 ×4');
    expect(omittedConfigsNote([many('1', 'study')], shown)).toMatch(/^17 of 18 NNGP/);
    expect(omittedConfigsNote([many('1', 'study')], nngpPredictors([many('1', 'study')]))).toBe(
      null,
    );
  });

  it('shares the budget between experiments, passing on what one cannot use', () => {
    const shown = nngpPredictors([many('2', 'big'), experiment('1', 'small')], 17);
    expect(shown).toHaveLength(17);
    expect(shown.filter((p) => p.input.experiment === '1')).toHaveLength(3);
    expect(shown.filter((p) => p.input.experiment === '2')).toHaveLength(14);
  });
});

describe('trainingPredictor', () => {
  it('asks for one budget at the API default repeat (0)', () => {
    expect(trainingPredictor(12).input).toEqual({
      kind: 'TRAINING',
      epochs: 12,
      name: '12 epochs',
    });
  });
});

describe('chosenExperiments', () => {
  const experiments = [
    experiment('3', 'newest', 0),
    experiment('2', 'middle'),
    experiment('1', 'oldest'),
  ];

  it('uses the URL experiment when given, even without results', () => {
    expect(
      chosenExperiments(experiments, { ...EMPTY_FILTER, experiment: '3' }, 'all').map((e) => e.id),
    ).toEqual(['3']);
    expect(chosenExperiments(experiments, { ...EMPTY_FILTER, experiment: '9' }, 'all')).toEqual([]);
  });

  it('otherwise takes every experiment with results, or the newest of them', () => {
    expect(chosenExperiments(experiments, EMPTY_FILTER, 'all').map((e) => e.id)).toEqual([
      '2',
      '1',
    ]);
    expect(chosenExperiments(experiments, EMPTY_FILTER, 'newest').map((e) => e.id)).toEqual(['2']);
  });
});
