import type { z } from 'zod';

/** An environment variable holds something unusable; the message names it and the problem. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** The environment as Node gives it, or a plain record in tests. */
export type EnvSource = Record<string, string | undefined>;

/**
 * Parses `source` (default `process.env`) with a zod object schema and returns the typed result.
 * A variable that does not validate throws, by default an EnvError, with every problem as
 * `invalid environment: NAME: problem; …`, so the user learns which variable to fix.
 *
 * @example
 * const schema = z.object({ PORT: z.preprocess(unsetIfBlank, z.coerce.number().default(80)) });
 * readEnv(schema, { PORT: '8080' }).PORT // 8080
 * readEnv(schema, { PORT: 'x' }) // throws EnvError('invalid environment: PORT: Invalid input: …')
 */
export function readEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: EnvSource = process.env,
  toError: (message: string) => Error = (message) => new EnvError(message),
): z.output<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
  throw toError(`invalid environment: ${problems}`);
}

/**
 * zod preprocessor: an empty variable (`DATABASE_URL= pnpm start`) means unset, not invalid.
 *
 * @example z.preprocess(unsetIfEmpty, z.string().default('.data')).parse('') // '.data'
 */
export function unsetIfEmpty(value: unknown): unknown {
  return value === '' ? undefined : value;
}

/**
 * zod preprocessor: surrounding whitespace is dropped, and a blank variable means unset.
 *
 * @example z.preprocess(unsetIfBlank, z.string().default('3000')).parse(' 3100 ') // '3100'
 */
export function unsetIfBlank(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
