import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeJsonFileAtomically } from './json-file.ts';

const serverFileSchema = z.object({
  host: z.string(),
  port: z.number().int().positive(),
  /** The postmaster's pid. */
  pid: z.number().int().positive(),
  /** The cluster directory the postmaster serves. */
  dataDir: z.string(),
  startedAt: z.string(),
});

/** Contents of `<dataDir>/server.json`: where the embedded server of that directory listens. */
export type ServerFile = z.infer<typeof serverFileSchema>;

/**
 * Reads server.json; undefined when it is missing or not ours to understand (a partial
 * write, an older format): the caller then checks postmaster.pid instead.
 *
 * @example
 * const server = readServerFile('/data/server.json'); // { host, port, pid, dataDir, startedAt }
 */
export function readServerFile(file: string): ServerFile | undefined {
  try {
    const parsed = serverFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes server.json atomically, so a reader sees the old file or the new one, never half.
 *
 * @example
 * writeServerFile('/data/server.json', { host, port, pid, dataDir, startedAt });
 */
export function writeServerFile(file: string, server: ServerFile): void {
  writeJsonFileAtomically(file, server);
}

/** @example removeServerFile('/data/server.json') */
export function removeServerFile(file: string): void {
  rmSync(file, { force: true });
}
