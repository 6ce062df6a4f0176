import { describe, expect, it } from 'vitest';
import { describeFilter } from './describe.ts';
import { parseFilter } from './parse.ts';
import { filterHref, otherParams, serializeFilter } from './serialize.ts';
import { toArchitectureFilter } from './to-graphql.ts';
import { type DashboardFilter, EMPTY_FILTER } from './types.ts';

describe('parseFilter', () => {
  it('reads every parameter of the URL contract', () => {
    const { filter, problems } = parseFilter({
      space: 'mnas',
      sizeClusters: '1,0,1',
      residual: '0-2',
      params: '1000000-5000000',
      experiment: '3',
    });
    expect(problems).toEqual([]);
    expect(filter).toEqual({
      space: 'MNAS',
      sizeClusters: [0, 1],
      residual: { min: 0, max: 2 },
      params: { min: 1_000_000, max: 5_000_000 },
      experiment: '3',
    });
  });

  it('accepts open bounds, a single value and exponent notation', () => {
    expect(parseFilter({ params: '1e6-' }).filter.params).toEqual({ min: 1_000_000, max: null });
    expect(parseFilter({ params: '-5000000' }).filter.params).toEqual({
      min: null,
      max: 5_000_000,
    });
    expect(parseFilter({ residual: '2' }).filter.residual).toEqual({ min: 2, max: 2 });
  });

  it('treats empty parameters (an empty form field) as unset', () => {
    const { filter, problems } = parseFilter(
      new URLSearchParams('space=&sizeClusters=&residual=&params=&experiment='),
    );
    expect(filter).toEqual(EMPTY_FILTER);
    expect(problems).toEqual([]);
  });

  it.each([
    ['residual', 'a-b', /residual=a-b: residual-connection counts must be whole numbers/],
    ['residual', '3-1', /lower bound 3 is above the upper bound 1/],
    ['residual', '1-2-3', /expected MIN-MAX/],
    ['residual', '-', /needs at least one bound/],
    ['params', '1.5-2', /parameter counts must be whole numbers/],
    ['params', '99999999999-', /larger than 2147483647/],
    ['sizeClusters', '0,,1', /size-cluster ids must be whole numbers/],
    ['sizeClusters', '-1', /size-cluster ids must be whole numbers/],
    ['experiment', 'abc', /experiment=abc: must be an experiment id/],
  ])('reports %s=%s naming the parameter and leaves it unset', (param, value, message) => {
    const { filter, problems } = parseFilter({
      [param]: value,
      residual: param === 'residual' ? value : '1',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.param).toBe(param);
    expect(problems[0]?.value).toBe(value);
    expect(problems[0]?.message).toMatch(message);
    expect(filter[param as keyof DashboardFilter]).toBeNull();
  });

  it('reads the space, NAS-Bench-101 when absent', () => {
    expect(parseFilter({}).filter.space).toBe('NASBENCH_101');
    expect(parseFilter({ space: 'nasbench101' }).filter.space).toBe('NASBENCH_101');
    expect(parseFilter({ space: 'MNAS' }).filter.space).toBe('MNAS');
  });

  it('reports an unknown space naming the parameter and keeps the default', () => {
    const { filter, problems } = parseFilter({ space: 'darts', residual: '1' });
    expect(problems).toEqual([
      {
        param: 'space',
        value: 'darts',
        message: 'space=darts: must be one of nasbench101, mnas, got "darts"',
      },
    ]);
    expect(filter.space).toBe('NASBENCH_101');
    expect(filter.residual).toEqual({ min: 1, max: 1 });
  });

  it('reports a parameter given twice', () => {
    const { problems } = parseFilter(new URLSearchParams('residual=1&residual=2'));
    expect(problems.map((p) => p.message)).toEqual(['residual=2: is given more than once']);
  });
});

describe('serializeFilter', () => {
  const filters: DashboardFilter[] = [
    EMPTY_FILTER,
    {
      space: 'NASBENCH_101',
      sizeClusters: [0, 2],
      residual: { min: 0, max: 2 },
      params: null,
      experiment: '7',
    },
    { ...EMPTY_FILTER, params: { min: null, max: 5_000_000 } },
    { ...EMPTY_FILTER, params: { min: 1_000_000, max: null }, residual: { min: 3, max: 3 } },
    { ...EMPTY_FILTER, space: 'MNAS' },
    { ...EMPTY_FILTER, space: 'MNAS', residual: { min: 0, max: 1 }, experiment: '4' },
  ];

  it.each(filters)('round-trips through the URL: %o', (filter) => {
    const url = serializeFilter(filter).toString();
    expect(parseFilter(new URLSearchParams(url))).toEqual({ filter, problems: [] });
  });

  it('writes the contract form', () => {
    expect(serializeFilter(filters[1] as DashboardFilter).toString()).toBe(
      'sizeClusters=0%2C2&residual=0-2&experiment=7',
    );
    expect(serializeFilter(filters[2] as DashboardFilter).toString()).toBe('params=-5000000');
    expect(serializeFilter(filters[5] as DashboardFilter).toString()).toBe(
      'space=mnas&residual=0-1&experiment=4',
    );
  });

  it('leaves the default space out of URLs', () => {
    expect(serializeFilter(EMPTY_FILTER).has('space')).toBe(false);
    expect(filterHref('/metrics', { ...EMPTY_FILTER, space: 'NASBENCH_101' })).toBe('/metrics');
    expect(filterHref('/metrics', { ...EMPTY_FILTER, space: 'MNAS' })).toBe('/metrics?space=mnas');
  });

  it('builds links that keep other parameters and drop nulls', () => {
    const filter = { ...EMPTY_FILTER, residual: { min: 0, max: 1 } };
    expect(filterHref('/architectures', filter, { sort: 'FLOPS', direction: null })).toBe(
      '/architectures?residual=0-1&sort=FLOPS',
    );
    expect(filterHref('/metrics', EMPTY_FILTER)).toBe('/metrics');
    expect(
      otherParams({ space: 'mnas', residual: '1', sort: 'FLOPS', direction: ['ASC', 'DESC'] }),
    ).toEqual({
      sort: 'FLOPS',
      direction: 'DESC',
    });
  });
});

describe('toArchitectureFilter', () => {
  it('builds the GraphQL ArchitectureFilter, omitting unset parts and open bounds', () => {
    const { filter } = parseFilter({
      sizeClusters: '0',
      residual: '1-',
      params: '-5000000',
      experiment: '2',
    });
    expect(toArchitectureFilter(filter)).toEqual({
      space: 'NASBENCH_101',
      sizeClusters: [0],
      residualConnections: { min: 1 },
      trainableParameters: { max: 5_000_000 },
      experiment: '2',
    });
    expect(toArchitectureFilter(EMPTY_FILTER)).toEqual({ space: 'NASBENCH_101' });
  });

  it('always sends the space', () => {
    const { filter } = parseFilter({ space: 'mnas', residual: '2' });
    expect(toArchitectureFilter(filter)).toEqual({
      space: 'MNAS',
      residualConnections: { min: 2, max: 2 },
    });
  });

  it('lets extra fields narrow or override the filter', () => {
    const { filter } = parseFilter({ sizeClusters: '0,1' });
    expect(toArchitectureFilter(filter, { sizeClusters: [1], hasGroundTruth: true })).toEqual({
      space: 'NASBENCH_101',
      sizeClusters: [1],
      hasGroundTruth: true,
    });
  });
});

describe('describeFilter', () => {
  it('says the filter in words', () => {
    const { filter } = parseFilter({ sizeClusters: '0,1', residual: '0-2', params: '1000000-' });
    expect(describeFilter(filter)).toBe(
      'size clusters 0, 1 · residual connections 0–2 · parameters ≥ 1,000,000',
    );
    expect(describeFilter(EMPTY_FILTER)).toBe('no filter: every architecture');
  });

  it('names MNAS when it is chosen', () => {
    expect(describeFilter({ ...EMPTY_FILTER, space: 'MNAS' })).toBe('MNAS: every network');
    expect(describeFilter(parseFilter({ space: 'mnas', residual: '0-2' }).filter)).toBe(
      'MNAS · residual connections 0–2',
    );
  });
});
