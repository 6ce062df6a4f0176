import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataDirError, EmbeddedServerError } from '../errors.ts';
import type { PostgresBinaries } from './binaries.ts';
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from './credentials.ts';
import type { DataDirLayout } from './layout.ts';
import { runProgram } from './run-program.ts';
import { chownToServer, type ServerAccount } from './server-account.ts';

/**
 * Creates the PostgreSQL cluster of a data directory unless it exists already; an existing
 * cluster is never touched, so data persists across runs.
 *
 * @example
 * await ensureCluster(resolveLayout('/data', account, log), binaries, account, log);
 */
export async function ensureCluster(
  layout: DataDirLayout,
  binaries: PostgresBinaries,
  account: ServerAccount,
  log: (line: string) => void,
): Promise<void> {
  if (existsSync(path.join(layout.cluster, 'PG_VERSION'))) return;
  if (existsSync(layout.cluster) && readdirSync(layout.cluster).length > 0) {
    throw new DataDirError(
      layout.root,
      `${layout.cluster} exists but is not a PostgreSQL cluster (no PG_VERSION); move it away`,
    );
  }
  mkdirSync(layout.cluster, { recursive: true, mode: 0o700 });
  chmodSync(layout.cluster, 0o700);
  chownToServer(layout.cluster, account);

  const passwordFile = path.join(layout.serverDir, `.initdb-password-${process.pid}`);
  writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  chownToServer(passwordFile, account);
  try {
    const { code, output } = await runProgram(
      binaries.initdb,
      [
        `--pgdata=${layout.cluster}`,
        '--auth=scram-sha-256',
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        // The C locale sorts by code point on every machine: the same results everywhere.
        '--locale=C',
      ],
      { account, cwd: layout.serverDir },
    );
    if (code !== 0) {
      // Leave no half-made cluster behind: the next attempt would take it for a real one.
      rmSync(layout.cluster, { recursive: true, force: true });
      const hint =
        'uid' in account
          ? ` (the 'postgres' user must be able to enter every parent directory of ${layout.cluster})`
          : '';
      throw new EmbeddedServerError(`initdb failed with code ${code}${hint}:\n${output.trim()}`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
  log(`embedded PostgreSQL: initialised a new cluster in ${layout.cluster}`);
}
