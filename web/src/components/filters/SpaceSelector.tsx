'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  type DashboardFilter,
  filterHref,
  otherParams,
  parseFilter,
  SEARCH_SPACES,
  type SearchSpace,
  spaceLabel,
} from '../../lib/filters/index.ts';

/**
 * The search-space switch, "NAS-Bench-101 | MNAS": plain links to the same page in the other
 * space (the state stays in the URL, so it works without JavaScript). Size clusters and the
 * experiment belong to one space, so switching drops them and keeps the rest of the URL.
 *
 * @example <SpaceSelector pathname="/metrics" />
 */
export function SpaceSelector(props: { pathname: string }) {
  const searchParams = new URLSearchParams(useSearchParams());
  const { filter, problems } = parseFilter(searchParams);
  // Unreadable parameters stay as typed (the page keeps reporting them), except the per-space ones.
  const kept: Record<string, string> = { ...otherParams(searchParams) };
  for (const problem of problems) {
    if (!PER_SPACE.has(problem.param)) kept[problem.param] = problem.value;
  }
  return (
    <nav className="space-selector" aria-label="Search space" data-testid="space-selector">
      {SEARCH_SPACES.map((space) => {
        const current = space === filter.space;
        return (
          <Link
            key={space}
            href={filterHref(props.pathname, inSpace(filter, space), kept)}
            data-space={space}
            aria-current={current ? 'page' : undefined}
            prefetch={false}
          >
            {spaceLabel(space)}
          </Link>
        );
      })}
    </nav>
  );
}

/** URL parameters that name things of one space only (and a bad `space` is replaced anyway). */
const PER_SPACE = new Set<string>(['space', 'sizeClusters', 'experiment']);

/** The filter moved to `space`: the per-space parts dropped, the rest kept. */
function inSpace(filter: DashboardFilter, space: SearchSpace): DashboardFilter {
  if (space === filter.space) return filter;
  return { ...filter, space, sizeClusters: null, experiment: null };
}
