import { type EnvSource, readEnv, unsetIfBlank } from '@nngp-nas/env';
import { z } from 'zod';

const DEFAULT_API_URL = 'http://localhost:4000/graphql';

const schema = z
  .object({
    /** The GraphQL endpoint every server-side request goes to; blank means the local API. */
    NNGP_API_URL: z.preprocess(unsetIfBlank, z.string().default(DEFAULT_API_URL)),
  })
  .transform(({ NNGP_API_URL: raw }, context) => {
    const apiUrl = URL.canParse(raw) ? new URL(raw) : null;
    const problem =
      apiUrl === null
        ? 'must be a URL'
        : apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:'
          ? 'must be an http(s) URL'
          : null;
    if (apiUrl === null || problem !== null) {
      context.addIssue({
        code: 'custom',
        path: ['NNGP_API_URL'],
        message: `${problem}, got ${JSON.stringify(raw)}`,
      });
      return z.NEVER;
    }
    return { apiUrl };
  });

/** The dashboard server's environment. */
export type WebEnv = z.output<typeof schema>;

/**
 * Reads and validates the environment; the one place in the dashboard that looks at it.
 * An empty `NNGP_API_URL` means unset.
 *
 * @example readWebEnv({ NNGP_API_URL: 'http://localhost:4100/graphql' }).apiUrl.port // '4100'
 */
export function readWebEnv(source: EnvSource = process.env): WebEnv {
  return readEnv(schema, source);
}
