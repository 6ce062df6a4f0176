import { isIP } from 'node:net';
import { type EnvSource, readEnv, unsetIfBlank } from '@nngp-nas/env';
import { z } from 'zod';

const schema = z.object({
  /** The dashboard's port (default 3000; blank means the default). */
  PORT_WEB: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .default('3000')
      .transform((raw, context) => {
        const port = Number(raw);
        if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
        context.addIssue({
          code: 'custom',
          message: `must be a port number (1-65535), got '${raw}'`,
        });
        return z.NEVER;
      }),
  ),
  /**
   * The interface the dashboard listens on (default 127.0.0.1, loopback only), validated as the
   * API's NNGP_API_HOST is: an IP address or localhost.
   */
  NNGP_WEB_HOST: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .default('127.0.0.1')
      .refine((host) => isIP(host) !== 0 || host === 'localhost', {
        error: (issue) => `must be an IP address or localhost, got '${String(issue.input)}'`,
      }),
  ),
  /** Passed on to the API; `pnpm start` runs it in production mode unless told otherwise. */
  NODE_ENV: z.preprocess(unsetIfBlank, z.string().default('production')),
});

export type LauncherEnv = z.output<typeof schema>;

/**
 * The environment of `pnpm start`'s launcher (scripts/start.ts), read and validated here only.
 *
 * @example readLauncherEnv({ PORT_WEB: '3100', NNGP_WEB_HOST: '0.0.0.0' }) // { PORT_WEB: 3100, NNGP_WEB_HOST: '0.0.0.0', NODE_ENV: 'production' }
 */
export function readLauncherEnv(source: EnvSource = process.env): LauncherEnv {
  return readEnv(schema, source);
}
