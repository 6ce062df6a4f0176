import { DEFAULT_SPACE, spaceUrlValue } from './space.ts';
import {
  type DashboardFilter,
  FILTER_PARAMS,
  type Range,
  type SearchParamsInput,
} from './types.ts';

/**
 * The URL form of a range: `min-max`, with an empty side for an open bound.
 *
 * @example formatRange({ min: 1000000, max: null }) // '1000000-'
 */
export function formatRange(range: Range): string {
  return `${range.min ?? ''}-${range.max ?? ''}`;
}

/**
 * URL parameters of a filter (set values only, in a fixed order; the default space is left out,
 * so NAS-Bench-101 links stay as they were), so `parseFilter` reads back the same filter.
 *
 * @example serializeFilter({ ...EMPTY_FILTER, residual: { min: 0, max: 2 } }).toString() // 'residual=0-2'
 */
export function serializeFilter(filter: DashboardFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.space !== DEFAULT_SPACE) params.set('space', spaceUrlValue(filter.space));
  if (filter.sizeClusters !== null) params.set('sizeClusters', filter.sizeClusters.join(','));
  if (filter.residual !== null) params.set('residual', formatRange(filter.residual));
  if (filter.params !== null) params.set('params', formatRange(filter.params));
  if (filter.experiment !== null) params.set('experiment', filter.experiment);
  return params;
}

/**
 * A link to `pathname` with the filter and any other parameters (e.g. the table's sort) kept.
 * `extra` values of null remove that parameter.
 *
 * @example filterHref('/metrics', filter) // '/metrics?sizeClusters=0'
 */
export function filterHref(
  pathname: string,
  filter: DashboardFilter,
  extra: Record<string, string | null> = {},
): string {
  const params = serializeFilter(filter);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query === '' ? pathname : `${pathname}?${query}`;
}

/**
 * The parameters of `input` that are not filter parameters (sort order and the like), to carry
 * over when the filter changes.
 *
 * @example otherParams(new URLSearchParams('residual=1&sort=FLOPS')) // { sort: 'FLOPS' }
 */
export function otherParams(input: SearchParamsInput): Record<string, string> {
  const entries =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([key, value]) =>
          value === undefined ? [] : [[key, Array.isArray(value) ? (value.at(-1) ?? '') : value]],
        );
  const isFilter = new Set<string>(FILTER_PARAMS);
  return Object.fromEntries(entries.filter(([key]) => !isFilter.has(key as string)));
}
