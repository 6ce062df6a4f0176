import { describe, expect, it } from 'vitest';
import { mnasReward } from '../../src/mnas/reward.ts';

describe('mnasReward', () => {
  it('is ACC × (LAT/T)^w with MnasNet’s T = 75 ms and w = −0.07 by default', () => {
    // Independent arithmetic: ln(78/75) = 0.0392207; × −0.07 = −0.00274545; exp → 0.99725832.
    expect(mnasReward(0.75, 78)).toBeCloseTo(0.75 * 0.99725832, 7);
    expect(mnasReward(0.75, 75)).toBe(0.75);
    // Faster than the target raises the reward; slower lowers it.
    expect(mnasReward(0.75, 50)).toBeGreaterThan(0.75);
    expect(mnasReward(0.75, 100)).toBeLessThan(0.75);
  });

  it('takes the target and exponent as parameters', () => {
    expect(mnasReward(0.8, 160, { targetLatencyMs: 80, exponent: -1 })).toBeCloseTo(0.4, 12);
    expect(mnasReward(0.8, 40, { targetLatencyMs: 80, exponent: 0 })).toBe(0.8);
  });

  it('refuses latencies and targets that are not positive', () => {
    expect(() => mnasReward(0.7, 0)).toThrow('latency must be a positive number of ms, got 0');
    expect(() => mnasReward(0.7, 70, { targetLatencyMs: -1 })).toThrow('target latency');
    expect(() => mnasReward(0.7, 70, { exponent: Number.NaN })).toThrow('exponent must be finite');
  });
});
