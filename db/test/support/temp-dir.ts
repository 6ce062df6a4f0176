import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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

/** @example removeTempDir(dir) */
export function removeTempDir(dataDir: string): void {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
