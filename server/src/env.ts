import { isIP } from 'node:net';
import { z } from 'zod';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);
const port = (fallback: number) =>
  z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(fallback));

const schema = z
  .object({
    /** Port of the GraphQL API. */
    PORT_API: port(4000),
    /** Port of the dashboard, whose origin CORS lets in by default. */
    PORT_WEB: port(3000),
    /** Only `development` turns on the Sandbox landing page and stack traces in errors. */
    NODE_ENV: z.string().optional(),
    /**
     * Interface the API listens on: loopback unless told otherwise (`0.0.0.0` opens it to the
     * network; the API has no rate limits of its own, so that is a deliberate choice).
     */
    NNGP_API_HOST: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .refine((v) => isIP(v) !== 0 || v === 'localhost', 'must be an IP address or localhost')
        .default('127.0.0.1'),
    ),
    /**
     * Origins (comma-separated, e.g. `http://localhost:3000`) whose browser pages may call the
     * API; default the dashboard's on PORT_WEB. `*` lets any origin in.
     */
    NNGP_CORS_ORIGINS: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((o) => o.trim())
            .filter((o) => o !== ''),
        )
        .pipe(z.array(z.string().refine(isOriginOrStar, 'must be origins like http://host:port')))
        .optional(),
    ),
    /**
     * Bearer token that mutations require; unset (or empty), the API is read-only. At least 16
     * printable characters without spaces, so it survives the Authorization header unchanged.
     */
    NNGP_API_TOKEN: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .min(16, 'must be at least 16 characters')
        .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
        .optional(),
    ),
  })
  .transform(({ NNGP_CORS_ORIGINS, ...env }) => ({
    ...env,
    NNGP_CORS_ORIGINS: NNGP_CORS_ORIGINS ?? [
      `http://localhost:${env.PORT_WEB}`,
      `http://127.0.0.1:${env.PORT_WEB}`,
    ],
  }));

export type ServerEnv = z.infer<typeof schema>;

/**
 * The server's environment, read and validated in this one place.
 *
 * @example readServerEnv().PORT_API // 4000
 */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/**
 * Whether the server runs in development mode (landing page, stack traces): only when
 * NODE_ENV is exactly `development`, so a server started without it is a production one.
 *
 * @example isDevelopment(readServerEnv()) // false unless NODE_ENV=development
 */
export function isDevelopment(env: Pick<ServerEnv, 'NODE_ENV'>): boolean {
  return env.NODE_ENV === 'development';
}

/** An origin as a browser sends it: scheme, host and optional port, nothing after. */
function isOriginOrStar(value: string): boolean {
  if (value === '*') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}
