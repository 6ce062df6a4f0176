import { describe, expect, it } from 'vitest';
import { nextOrder, nngpKey, orderOfKey, parseTableOrder } from './table-order.ts';

describe('table order', () => {
  it('reads sort and direction, falling back to hash ascending', () => {
    expect(parseTableOrder({ sort: 'FLOPS', direction: 'DESC' })).toMatchObject({
      field: 'FLOPS',
      direction: 'DESC',
      orderBy: { field: 'FLOPS', direction: 'DESC' },
    });
    expect(parseTableOrder({ sort: 'DROP TABLE', direction: 'sideways' })).toMatchObject({
      key: 'HASH',
      field: 'HASH',
      direction: 'ASC',
    });
  });

  it('flips the current column and starts numeric columns largest first', () => {
    const flops = parseTableOrder({ sort: 'FLOPS', direction: 'DESC' });
    expect(nextOrder(flops, 'FLOPS')).toMatchObject({ field: 'FLOPS', direction: 'ASC' });
    const hash = parseTableOrder({});
    expect(nextOrder(hash, 'TRAINABLE_PARAMETERS')).toMatchObject({
      field: 'TRAINABLE_PARAMETERS',
      direction: 'DESC',
    });
    expect(nextOrder(flops, 'HASH')).toMatchObject({ field: 'HASH', direction: 'ASC' });
  });

  it('keeps a predictor sort in the URL key and asks the API for it', () => {
    const key = nngpKey('3', { nTrain: 1000, nVal: 500, ensemble: 8 });
    expect(parseTableOrder({ sort: key, direction: 'DESC' })).toEqual({
      key: 'NNGP:3:1000/500/8',
      field: 'NNGP',
      direction: 'DESC',
      orderBy: {
        field: 'NNGP',
        direction: 'DESC',
        experiment: '3',
        nTrain: 1000,
        nVal: 500,
        ensemble: 8,
      },
    });
    expect(parseTableOrder({ sort: 'TRAINING:4', direction: 'ASC' }).orderBy).toEqual({
      field: 'TRAINING',
      epochs: 4,
      repeat: 0,
      direction: 'ASC',
    });
    expect(parseTableOrder({ sort: 'PROXY:zen_score' }).orderBy).toEqual({
      field: 'PROXY',
      proxy: 'zen_score',
      direction: 'ASC',
    });
    expect(parseTableOrder({ sort: 'GROUND_TRUTH', direction: 'DESC' }).orderBy).toEqual({
      field: 'GROUND_TRUTH',
      direction: 'DESC',
    });
    expect(nextOrder(parseTableOrder({}), 'GROUND_TRUTH').direction).toBe('DESC');
  });

  it('refuses malformed predictor keys', () => {
    for (const key of ['NNGP:x:1/2/3', 'NNGP:1:1/2', 'TRAINING:', 'PROXY:a b', 'PROXY:'])
      expect(orderOfKey(key)).toBeNull();
  });
});
