import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { SiteNav } from '../components/layout/SiteNav.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: 'NNGP-NAS dashboard',
  description: 'NNGP-guided architecture search on NAS-Bench-101: predictors against ground truth.',
};

// Every page shows the API's current data: rendered per request, nothing cached across requests.
export const dynamic = 'force-dynamic';

/** The frame of every page: the navigation (which carries the URL filter along) and the content. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <span className="site-name">NNGP-NAS</span>
          <Suspense fallback={<nav className="site-nav" />}>
            <SiteNav />
          </Suspense>
        </header>
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
