import { describe, expect, it } from 'vitest';
import { exportParams } from './export-params.ts';
import { EMPTY_FILTER } from './filters/index.ts';

describe('exportParams', () => {
  it('keeps the shorthands and writes no space for NAS-Bench-101', () => {
    const params = exportParams({ ...EMPTY_FILTER, residual: { min: 0, max: 2 } });
    expect(params.toString()).toBe('residual=0-2');
  });

  it('sends another space as ArchitectureFilter JSON beside the shorthands', () => {
    const params = exportParams({ ...EMPTY_FILTER, space: 'MNAS', experiment: '4' });
    expect(params.get('space')).toBeNull();
    expect(params.get('experiment')).toBe('4');
    expect(JSON.parse(params.get('filter') ?? '')).toEqual({ space: 'MNAS' });
  });
});
