import { describe, expect, it } from 'vitest';
import { fig7Analysis } from '../../src/mnas/fig7.ts';

/** 30 networks whose measures are known permutations, so every top 3 is known by hand. */
function networks() {
  const n = 30;
  const nngp = Array.from({ length: n }, (_, i) => i / n); // best: 29, 28, 27
  const accuracy5 = Array.from({ length: n }, (_, i) => ((i * 7) % n) / n); // best: 17 (7·17=119≡29), 21 (147≡27)…
  const reward = Array.from({ length: n }, (_, i) => (n - i) / n); // best: 0, 1, 2
  const finalAccuracy = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.7 + i / 1000 : null));
  return { nngp, accuracy5, reward, finalAccuracy };
}

describe('fig7Analysis', () => {
  it('takes the top k by NNGP, 5-epoch accuracy and reward, each with its final accuracies', () => {
    const analysis = fig7Analysis(networks(), { k: 3 });
    const by = Object.fromEntries(analysis.selections.map((s) => [s.name, s]));
    expect(by.nngp?.positions).toEqual([29, 28, 27]);
    expect(by.nngp?.finalAccuracies).toEqual([null, 0.728, null]);
    expect(by.nngp?.meanFinal).toBeCloseTo(0.728, 12);
    expect(by.nngp?.missingFinal).toBe(2);
    // 7·i mod 30 is 29 at i = 17, 28 at i = 4, 27 at i = 21.
    expect(by.accuracy5?.positions).toEqual([17, 4, 21]);
    expect(by.reward?.positions).toEqual([0, 1, 2]);
    expect(by.reward?.finalAccuracies).toEqual([0.7, null, 0.702]);
    expect(by.reward?.meanFinal).toBeCloseTo(0.701, 12);
    expect(by.reward?.bestFinal).toBe(0.702);
  });

  it('draws the random networks from the seed, distinct and reproducible', () => {
    const pick = (seed: number) =>
      fig7Analysis(networks(), { k: 10, seed }).selections.find((s) => s.name === 'random')
        ?.positions ?? [];
    expect(pick(3)).toEqual(pick(3));
    expect(new Set(pick(3)).size).toBe(10);
    expect(pick(3)).not.toEqual(pick(4));
  });

  it('correlates NNGP with the reward: exactly reversed ranks give τ = r = −1', () => {
    const analysis = fig7Analysis(networks(), { k: 3, bootstrap: { resamples: 200 } });
    expect(analysis.nngpVsReward.kendallTau).toBeCloseTo(-1, 12);
    expect(analysis.nngpVsReward.pearson).toBeCloseTo(-1, 12);
    expect(analysis.nngpVsReward.intervals?.kendallTau?.low).toBeCloseTo(-1, 12);
    expect(analysis.nngpVsReward.intervals?.kendallTau?.high).toBeCloseTo(-1, 12);
    expect(analysis.nngpVsAccuracy5.kendallTau).not.toBeNull();
  });

  it('names misaligned inputs and an impossible k', () => {
    const input = networks();
    expect(() => fig7Analysis({ ...input, reward: input.reward.slice(1) })).toThrow(
      'reward: has 29 values, expected 30',
    );
    expect(() => fig7Analysis({ ...input, finalAccuracy: [] })).toThrow(
      'finalAccuracy: has 0 values, expected 30',
    );
    expect(() => fig7Analysis(input, { k: 31 })).toThrow(
      'k: is 31, expected an integer in [1, 30]',
    );
  });
});
