'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseFilter, serializeFilter } from '../../lib/filters/index.ts';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/metrics', label: 'Metrics' },
  { href: '/bias', label: 'Bias' },
  { href: '/architectures', label: 'Architectures' },
  { href: '/experiments/new', label: 'New experiment' },
] as const;

/**
 * The top navigation; every link keeps the current filter so a view's filter follows the user.
 *
 * @example <SiteNav />
 */
export function SiteNav() {
  const pathname = usePathname();
  const query = serializeFilter(parseFilter(new URLSearchParams(useSearchParams())).filter);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return (
    <nav className="site-nav" aria-label="Pages">
      {LINKS.map((link) => {
        const current = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={`${link.href}${suffix}`}
            // Every page is rendered per request with many API queries; prefetching them all
            // from each page would multiply the API's load for pages nobody opens.
            prefetch={false}
            aria-current={current ? 'page' : undefined}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
