import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `value` as JSON atomically (a staging file renamed into place), so a reader in
 * another process sees the old file or the new one, never half of one.
 *
 * @example
 * writeJsonFileAtomically('/data/server.json', { host: '127.0.0.1', port: 41873 });
 */
export function writeJsonFileAtomically(file: string, value: unknown): void {
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(staging, file);
}
