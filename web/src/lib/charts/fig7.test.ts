import { describe, expect, it } from 'vitest';
import type { Fig7Network, Fig7Selection } from '../api/types.ts';
import { fig7SelectionLabel, formatWithInterval, toFig7Strip } from './fig7.ts';

function network(hash: string, finalAccuracy: number | null): Fig7Network {
  return {
    hash,
    encoding: 'sep-k3-se0-none-f16-n1',
    nngpAccuracy: 0.3,
    accuracy5Epoch: 0.5,
    latencyMs: 70,
    reward: 0.5,
    finalAccuracy,
  };
}

function selection(name: Fig7Selection['name'], networks: Fig7Network[]): Fig7Selection {
  return { name, networks, meanFinal: 0.7, bestFinal: 0.75, missingFinal: 0 };
}

describe('toFig7Strip', () => {
  it('puts each selection in its column, spread by rank, leaving out missing accuracies', () => {
    const columns = toFig7Strip(
      [
        selection('NNGP', [network('a', 0.7), network('b', null), network('c', 0.75)]),
        selection('RANDOM', [network('d', 0.6)]),
      ],
      3,
    );
    expect(columns.map((c) => [c.name, c.label, c.index])).toEqual([
      ['NNGP', 'Top 3 by NNGP', 0],
      ['RANDOM', '3 random', 1],
    ]);
    expect(columns[0]?.points.map((p) => [p.hash, p.x, p.y, p.rank])).toEqual([
      ['a', -0.28, 0.7, 1],
      ['c', 0.28, 0.75, 3],
    ]);
    expect(columns[1]?.points[0]?.x).toBe(1);
  });
});

describe('fig7SelectionLabel', () => {
  it('names each selection with k', () => {
    expect(fig7SelectionLabel('ACCURACY_5', 10)).toBe('Top 10 by 5-epoch accuracy');
    expect(fig7SelectionLabel('REWARD', 5)).toBe('Top 5 by reward');
  });
});

describe('formatWithInterval', () => {
  it('writes the statistic and its interval, or a dash', () => {
    expect(formatWithInterval(0.41234, { low: 0.3, high: 0.52 })).toBe('0.412 [0.300, 0.520]');
    expect(formatWithInterval(0.5, null)).toBe('0.500');
    expect(formatWithInterval(null, null)).toBe('—');
  });
});
