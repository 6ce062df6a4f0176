import path from 'node:path';
import { type EnvSource, readEnv as readEnvWith, unsetIfEmpty } from '@nngp-nas/env';
import { z } from 'zod';
import { EnvError } from './errors.ts';

// An empty variable (`DATABASE_URL= pnpm start`) means "unset", not "invalid URL".
const optionalUrl = z.preprocess(unsetIfEmpty, z.url().optional());

const envSchema = z.object({
  DATABASE_URL: optionalUrl,
  NNGP_DATA_DIR: z
    .preprocess(unsetIfEmpty, z.string().default('.data'))
    .transform((dir) => path.resolve(process.cwd(), dir)),
  NNGP_TEST_DATABASE_URL: optionalUrl,
});

/** The validated environment of @nngp-nas/db. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment; the one place in this package that looks at it.
 * `NNGP_DATA_DIR` comes back absolute (resolved against the current directory).
 *
 * @example
 * const { DATABASE_URL, NNGP_DATA_DIR } = readEnv();
 * // or, in tests: readEnv({ NNGP_DATA_DIR: '/tmp/x' })
 */
export function readEnv(source: EnvSource = process.env): Env {
  return readEnvWith(envSchema, source, (message) => new EnvError(message));
}
