import { type DashboardFilter, DEFAULT_SPACE, serializeFilter } from './filters/index.ts';

/**
 * The CSV export's query for a filter. The API's export takes the dashboard's shorthands
 * (sizeClusters, residual, params, experiment) and `filter` as ArchitectureFilter JSON, but no
 * `space` shorthand (server/src/export/shorthands.ts), so another space than the default goes in
 * `filter`; NAS-Bench-101 links stay as they were.
 *
 * @example exportParams({ ...EMPTY_FILTER, space: 'MNAS' }).toString() // 'filter=%7B%22space%22%3A%22MNAS%22%7D'
 */
export function exportParams(filter: DashboardFilter): URLSearchParams {
  const params = serializeFilter(filter);
  params.delete('space');
  if (filter.space !== DEFAULT_SPACE) params.set('filter', JSON.stringify({ space: filter.space }));
  return params;
}
