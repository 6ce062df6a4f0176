import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedServerError } from '../errors.ts';
import { accountCanEnter } from './account-access.ts';
import type { ServerAccount } from './server-account.ts';

/**
 * Where, by preference, a root process stages what the server account cannot reach where it
 * is: a persistent system directory first (staged clusters hold data), the temporary
 * directory when that cannot be made (a read-only /var).
 */
export const STAGING_ROOT_CANDIDATES = [
  '/var/lib/nngp-nas',
  path.join(os.tmpdir(), `nngp-nas-staging-${process.getuid?.() ?? 'user'}`),
];

/**
 * The first candidate that exists (or can be made) as a directory owned by us, writable by
 * no one else (we run programs from it, as root: a directory someone else could write into
 * would let them choose what runs), and enterable by the server account.
 *
 * @example
 * const root = stagingRoot(serverAccount()); // '/var/lib/nngp-nas'
 */
export function stagingRoot(
  account: ServerAccount,
  candidates: readonly string[] = STAGING_ROOT_CANDIDATES,
): string {
  const problems: string[] = [];
  for (const candidate of candidates) {
    const problem = unusableBecause(candidate, account);
    if (problem === undefined) return candidate;
    problems.push(`${candidate}: ${problem}`);
  }
  throw new EmbeddedServerError(
    `no directory to stage the embedded PostgreSQL in, where the server account can reach it (${problems.join('; ')})`,
  );
}

function unusableBecause(dir: string, account: ServerAccount): string | undefined {
  try {
    // Made by us now: readable by all whatever the umask (a root umask of 077 is common).
    if (mkdirSync(dir, { recursive: true }) !== undefined) chmodSync(dir, 0o755);
  } catch (error) {
    return `cannot create it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return 'not a directory';
  if (stat.uid !== process.getuid?.()) return `owned by uid ${stat.uid}, not by us`;
  if ((stat.mode & 0o022) !== 0) return 'writable by group or others';
  if (!accountCanEnter(account, dir)) return 'the server account cannot enter it';
  return undefined;
}
