import { describe, expect, it } from 'vitest';
import {
  estimateCost,
  formatEstimate,
  parseConfigList,
  parseExperimentForm,
  selectionFilter,
} from './experiment-form.ts';
import { EMPTY_FILTER } from './filters/index.ts';

const VALID: Record<string, string> = {
  name: 'cluster0-small',
  nTrain: '100',
  nVal: '200',
  ensemble: '2',
  configs: '20/20/1, 100/100/2',
  engine: 'tfjs',
  stemChannels: '8',
  stacks: '1',
  modulesPerStack: '1',
  limit: '3',
  groundTruthOnly: 'on',
};

const reader =
  (fields: Record<string, string>) =>
  (name: string): string | null =>
    fields[name] ?? null;

describe('parseExperimentForm', () => {
  it('reads a complete form into the createExperiment settings, limit and selection', () => {
    const parsed = parseExperimentForm(reader(VALID));
    expect(parsed).toEqual({
      ok: true,
      values: {
        name: 'cluster0-small',
        nTrain: 100,
        nVal: 200,
        ensemble: 2,
        configs: [
          { nTrain: 20, nVal: 20, ensemble: 1 },
          { nTrain: 100, nVal: 100, ensemble: 2 },
        ],
        engine: 'tfjs',
        stemChannels: 8,
        stacks: 1,
        modulesPerStack: 1,
        limit: 3,
        groundTruthOnly: true,
      },
    });
  });

  it('defaults the engine to onnx and reads an unchecked box as every architecture', () => {
    const { engine: _engine, groundTruthOnly: _truth, ...rest } = VALID;
    const parsed = parseExperimentForm(reader(rest));
    expect(parsed.ok && parsed.values.engine).toBe('onnx');
    expect(parsed.ok && parsed.values.groundTruthOnly).toBe(false);
  });

  it('names every unreadable field', () => {
    const parsed = parseExperimentForm(
      reader({
        ...VALID,
        name: '  ',
        nTrain: '1.5',
        limit: '50001',
        engine: 'jax',
        configs: '10x10',
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field).sort()).toEqual([
      'configs',
      'engine',
      'limit',
      'nTrain',
      'name',
    ]);
    expect(parsed.problems.find((p) => p.field === 'limit')?.message).toContain('1 to 50,000');
  });

  it('refuses a derived configuration larger than the experiment', () => {
    const parsed = parseExperimentForm(reader({ ...VALID, configs: '500/20/1' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems[0]?.message).toContain('500/20/1 is larger than 100/200/2');
  });
});

describe('parseConfigList', () => {
  it('reads nTrain/nVal/ensemble separated by commas or spaces, empty as none', () => {
    expect(parseConfigList('')).toEqual({ ok: true, configs: [] });
    expect(parseConfigList('1/2/3 4/5/6')).toEqual({
      ok: true,
      configs: [
        { nTrain: 1, nVal: 2, ensemble: 3 },
        { nTrain: 4, nVal: 5, ensemble: 6 },
      ],
    });
    expect(parseConfigList('1/0/1').ok).toBe(false);
  });
});

describe('selectionFilter', () => {
  it('is the URL filter, experiment kept, with ground truth when asked', () => {
    const filter = { ...EMPTY_FILTER, residual: { min: 0, max: 2 }, experiment: '4' };
    expect(selectionFilter(filter, true)).toEqual({
      space: 'NASBENCH_101',
      residualConnections: { min: 0, max: 2 },
      experiment: '4',
      hasGroundTruth: true,
    });
    expect(selectionFilter(EMPTY_FILTER, false)).toEqual({ space: 'NASBENCH_101' });
  });
});

describe('estimateCost', () => {
  it('reproduces the measured seconds per architecture at the measured settings', () => {
    const at = (stemChannels: number, engine: 'onnx' | 'tfjs') =>
      estimateCost({ nTrain: 100, nVal: 200, ensemble: 2, stemChannels, engine }, 1).seconds;
    expect(at(128, 'onnx')).toBeCloseTo(7.1, 6);
    expect(at(16, 'onnx')).toBeCloseTo(0.59, 6);
    expect(at(128, 'tfjs')).toBeCloseTo(39.9, 6);
    expect(at(16, 'tfjs')).toBeCloseTo(2.3, 6);
  });

  it('caps the selection by the limit and counts forward passes exactly', () => {
    const estimate = estimateCost(
      { nTrain: 20, nVal: 20, ensemble: 1, stemChannels: 8, engine: 'onnx' },
      40,
      3,
    );
    expect(estimate.architectures).toBe(3);
    expect(estimate.forwardPasses).toBe(3 * 40);
    // Linear in images × ensemble: 40 images instead of 600.
    const perArchitecture = estimate.seconds / 3;
    expect(perArchitecture).toBeLessThan(0.59 * (40 / 600));
    expect(perArchitecture).toBeGreaterThan(0);
  });
});

describe('formatEstimate', () => {
  it('writes seconds, minutes, hours or days', () => {
    expect(formatEstimate(42.4)).toBe('42 s');
    expect(formatEstimate(600)).toBe('10 min');
    expect(formatEstimate(3 * 3600)).toBe('3.0 h');
    expect(formatEstimate(72 * 3600)).toBe('3.0 days');
  });
});
