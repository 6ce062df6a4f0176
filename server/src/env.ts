import { isIP } from 'node:net';
import { type EnvSource, readEnv, unsetIfEmpty } from '@nngp-nas/env';
import { z } from 'zod';

const emptyAsUnset = unsetIfEmpty;
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
    /**
     * Byte budget, in MiB, of each database's cache of analysis results (cache/analysis-cache.ts;
     * sizes are estimated from the results' JSON).
     */
    NNGP_ANALYSIS_CACHE_MB: z.preprocess(
      emptyAsUnset,
      z.coerce.number().int().min(1).max(1_048_576).default(256),
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
export function readServerEnv(source: EnvSource = process.env): ServerEnv {
  return readEnv(schema, source);
}

const optionalInt = (min: number, max: number) =>
  z.preprocess(emptyAsUnset, z.coerce.number().int().min(min).max(max).optional());

/** The analysis pool's variables (compute-pool/settings.ts applies the defaults). */
const analysisPoolSchema = z.object({
  /** Worker threads computing analyses (default cores − 1, at least 1). */
  NNGP_ANALYSIS_WORKERS: optionalInt(1, 256),
  /** Longest an analysis may take, SQL and computation together. */
  NNGP_ANALYSIS_TIMEOUT_MS: optionalInt(100, 3_600_000),
  /** Analyses that may wait beyond those being worked on. */
  NNGP_ANALYSIS_QUEUE: optionalInt(0, 100_000),
  /** Heap of one analysis worker, in MiB. */
  NNGP_ANALYSIS_WORKER_MB: optionalInt(32, 65_536),
  /** Resident memory of the API process, in MiB, past which running analyses are stopped. */
  NNGP_ANALYSIS_RSS_MB: optionalInt(64, 1_048_576),
});

export type AnalysisPoolEnv = z.infer<typeof analysisPoolSchema>;

/**
 * The analysis pool's variables, read apart from `readServerEnv` because the pool reads them
 * lazily, on the first analysis.
 *
 * @example readAnalysisPoolEnv({ NNGP_ANALYSIS_QUEUE: '4' }).NNGP_ANALYSIS_QUEUE // 4
 */
export function readAnalysisPoolEnv(source: EnvSource = process.env): AnalysisPoolEnv {
  return readEnv(analysisPoolSchema, source);
}

const workerSchema = z.object({
  /**
   * Evaluation jobs run at once by `pnpm worker` and `pnpm start`'s worker. Kept as text here:
   * jobs/worker-options.ts validates it together with `--concurrency`, with the same messages.
   */
  NNGP_WORKER_CONCURRENCY: z.string().optional(),
});

/**
 * The evaluation worker's variables, apart from the API's so that `pnpm worker` does not
 * depend on the API's settings.
 *
 * @example parseWorkerOptions(process.argv.slice(2), readWorkerEnv())
 */
export function readWorkerEnv(source: EnvSource = process.env): z.infer<typeof workerSchema> {
  return readEnv(workerSchema, source);
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
