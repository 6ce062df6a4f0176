import type { DashboardFilter } from './types.ts';

/** The experiment that narrows a page, and why. */
export interface ExperimentInForce {
  /** `url`: the filter's `experiment` parameter; `newest`: the page's default (newest with results). */
  source: 'url' | 'newest';
  id: string;
  /** Its name, or null when the API does not list it. */
  name: string | null;
}

/**
 * Which experiment acts on a page: the URL's, else (on pages that fall back to one, `fallback`)
 * the newest experiment with results; null when none does. Experiments are listed newest first.
 *
 * @example experimentInForce({ ...EMPTY_FILTER, experiment: '2' }, experiments, false) // { source: 'url', id: '2', name: 'small' }
 */
export function experimentInForce(
  filter: DashboardFilter,
  experiments: readonly { id: string; name: string; resultCount: number }[],
  fallback: boolean,
): ExperimentInForce | null {
  if (filter.experiment !== null) {
    const known = experiments.find((experiment) => experiment.id === filter.experiment);
    return { source: 'url', id: filter.experiment, name: known?.name ?? null };
  }
  if (!fallback) return null;
  const newest = experiments.find((experiment) => experiment.resultCount > 0);
  return newest ? { source: 'newest', id: newest.id, name: newest.name } : null;
}
