import { describe, expect, it } from 'vitest';
import { experimentInForce } from './in-force.ts';
import { EMPTY_FILTER } from './types.ts';

const EXPERIMENTS = [
  { id: '3', name: 'empty', resultCount: 0 },
  { id: '2', name: 'small', resultCount: 40 },
  { id: '1', name: 'first', resultCount: 80 },
];

describe('experimentInForce', () => {
  it("is the URL's experiment, named when the API lists it", () => {
    expect(experimentInForce({ ...EMPTY_FILTER, experiment: '1' }, EXPERIMENTS, true)).toEqual({
      source: 'url',
      id: '1',
      name: 'first',
    });
    expect(experimentInForce({ ...EMPTY_FILTER, experiment: '9' }, EXPERIMENTS, false)).toEqual({
      source: 'url',
      id: '9',
      name: null,
    });
  });

  it('falls back to the newest experiment with results only where the page does', () => {
    expect(experimentInForce(EMPTY_FILTER, EXPERIMENTS, true)).toEqual({
      source: 'newest',
      id: '2',
      name: 'small',
    });
    expect(experimentInForce(EMPTY_FILTER, EXPERIMENTS, false)).toBeNull();
    expect(experimentInForce(EMPTY_FILTER, [], true)).toBeNull();
  });
});
