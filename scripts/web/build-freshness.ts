import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { webDir } from './paths.ts';

/** Written by `next build` as its last step: its time is the build's. */
const BUILD_MARKER = path.join(webDir, '.next/BUILD_ID');
/** Folders whose every file a build reads. */
const SOURCE_DIRS = ['src', 'public'];
/** Files in web/ that next writes itself, so they never make a build stale. */
const GENERATED = new Set(['next-env.d.ts', 'tsconfig.tsbuildinfo']);

/**
 * Whether web/.next holds a production build newer than every file it was built from: the
 * sources (web/src, web/public) and the package's configuration (every file directly in web/).
 *
 * @example if (!(await webBuildIsFresh())) await buildWeb();
 */
export async function webBuildIsFresh(): Promise<boolean> {
  const built = await mtime(BUILD_MARKER);
  if (built === undefined) return false;
  return (await newestSourceTime()) < built;
}

async function newestSourceTime(): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(webDir, { withFileTypes: true })) {
    if (entry.isFile() && !GENERATED.has(entry.name)) {
      newest = Math.max(newest, (await mtime(path.join(webDir, entry.name))) ?? 0);
    }
  }
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(path.join(webDir, dir), {
      recursive: true,
      withFileTypes: true,
    }).catch(() => []);
    for (const entry of entries) {
      // Directory times count too: a deleted source file changes only its folder's.
      const full = path.join(entry.parentPath, entry.name);
      newest = Math.max(newest, (await mtime(full)) ?? 0);
    }
    newest = Math.max(newest, (await mtime(path.join(webDir, dir))) ?? 0);
  }
  return newest;
}

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}
