import { describe, expect, it } from 'vitest';
import { isMissingProxy } from '../proxies.ts';
import {
  formatAccuracy,
  formatCount,
  formatDuration,
  formatNumber,
  formatPflops,
  formatStatistic,
} from './format.ts';

describe('formats', () => {
  it('writes counts with thousands separators (the overview counts are read back as numbers)', () => {
    expect(formatCount(423_624)).toBe('423,624');
    expect(formatCount(0)).toBe('0');
  });

  it('writes costs with three significant digits, scientific outside 0.01–10,000', () => {
    expect(formatPflops(12_500)).toBe('1.25e4 PFLOPs');
    expect(formatPflops(110_000)).toBe('1.1e5 PFLOPs');
    expect(formatPflops(3.456)).toBe('3.46 PFLOPs');
    expect(formatPflops(null)).toBe('unknown cost');
    expect(formatNumber(0.000123)).toBe('1.23e-4');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes accuracies as percentages and undefined statistics as a dash', () => {
    expect(formatAccuracy(0.9432)).toBe('94.32 %');
    expect(formatAccuracy(null)).toBe('—');
    expect(formatStatistic(0.30741)).toBe('0.307');
    expect(formatStatistic(null)).toBe('—');
  });

  it('writes durations in minutes, hours or days', () => {
    expect(formatDuration(300)).toBe('5 min');
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(3 * 86_400)).toBe('3 days');
  });
});

describe('isMissingProxy', () => {
  it('recognises the API refusal for a proxy that was never imported, and only that', () => {
    expect(isMissingProxy('predictors[0]: no imported proxy "synflow"')).toBe(true);
    expect(isMissingProxy('predictors[0]: a PROXY predictor needs proxy')).toBe(false);
  });
});
