import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh data directory. mkdtemp makes it 0700; the server runs as the `postgres` user when
 * we are root and must be able to enter it.
 *
 * @example
 * const dir = makeTempDataDir(); try { ... } finally { removeTempDir(dir); }
 */
export function makeTempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nngp-db-test-'));
  chmodSync(dir, 0o755);
  return path.join(dir, 'data');
}

/**
 * A fresh data directory inside a mode-700 directory, like a project under /root: as root,
 * the `postgres` user the server runs as cannot enter it.
 *
 * @example
 * const dir = makePrivateTempDataDir(); try { ... } finally { removeTempDir(dir); }
 */
export function makePrivateTempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nngp-db-test-private-'));
  chmodSync(dir, 0o700);
  return path.join(dir, 'data');
}

/** The directory a staged cluster of `dataDir` lives in (its cluster.json), if any. */
export function stagedClusterDir(dataDir: string): string | undefined {
  const record = path.join(dataDir, 'cluster.json');
  if (!existsSync(record)) return undefined;
  return (JSON.parse(readFileSync(record, 'utf8')) as { dir: string }).dir;
}

/** Removes the data directory's temporary parent, and its staged cluster if it has one. @example removeTempDir(dir) */
export function removeTempDir(dataDir: string): void {
  const staged = stagedClusterDir(dataDir);
  if (staged !== undefined) rmSync(staged, { recursive: true, force: true });
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
