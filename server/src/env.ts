import { z } from 'zod';

const schema = z.object({
  /** Port of the GraphQL API. */
  PORT_API: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(65535).default(4000),
  ),
  NODE_ENV: z.string().optional(),
  /**
   * Bearer token that mutations require; unset (or empty), the API is read-only. At least 16
   * printable characters without spaces, so it survives the Authorization header unchanged.
   */
  NNGP_API_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .min(16, 'must be at least 16 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
});

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
