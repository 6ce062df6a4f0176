import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Repository root: this file is scripts/web/paths.ts. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The dashboard package (Next.js App Router). */
export const webDir = path.join(repoRoot, 'web');

/** Next's command-line entry, run with this Node so no shell or pnpm sits between us and it. */
export const nextBin = path.join(webDir, 'node_modules/next/dist/bin/next');

/** tsx's loader, for `node --import` (Node 20 runs no TypeScript by itself). */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The wrapper that ties a child's process group to its parent's life (see tether.ts). */
export const tetherScript = path.join(repoRoot, 'scripts/web/tether.ts');
