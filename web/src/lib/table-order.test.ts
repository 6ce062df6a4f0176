import { describe, expect, it } from 'vitest';
import { nextOrder, parseTableOrder } from './table-order.ts';

describe('table order', () => {
  it('reads sort and direction, falling back to hash ascending', () => {
    expect(parseTableOrder({ sort: 'FLOPS', direction: 'DESC' })).toEqual({
      field: 'FLOPS',
      direction: 'DESC',
    });
    expect(parseTableOrder({ sort: 'DROP TABLE', direction: 'sideways' })).toEqual({
      field: 'HASH',
      direction: 'ASC',
    });
  });

  it('flips the current column and starts numeric columns largest first', () => {
    expect(nextOrder({ field: 'FLOPS', direction: 'DESC' }, 'FLOPS')).toEqual({
      field: 'FLOPS',
      direction: 'ASC',
    });
    expect(nextOrder({ field: 'HASH', direction: 'ASC' }, 'TRAINABLE_PARAMETERS')).toEqual({
      field: 'TRAINABLE_PARAMETERS',
      direction: 'DESC',
    });
    expect(nextOrder({ field: 'FLOPS', direction: 'ASC' }, 'HASH')).toEqual({
      field: 'HASH',
      direction: 'ASC',
    });
  });
});
