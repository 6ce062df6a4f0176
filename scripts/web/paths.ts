import path from 'node:path';

/** Repository root: this file is scripts/web/paths.ts. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The dashboard package (Next.js App Router). */
export const webDir = path.join(repoRoot, 'web');

/** Next's command-line entry, run with this Node so no shell or pnpm sits between us and it. */
export const nextBin = path.join(webDir, 'node_modules/next/dist/bin/next');
