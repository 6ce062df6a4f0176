/** A failed API call: the GraphQL error message (with its code) or why the API was unreachable. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error (BAD_USER_INPUT, NOT_FOUND, ...). */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** One GraphQL error as the API sends it. */
export interface GraphqlErrorBody {
  message: string;
  extensions?: { code?: unknown };
}

/**
 * The ApiError for a GraphQL response's errors: every message, the first code.
 *
 * @example apiErrorFrom([{ message: 'no experiment 9', extensions: { code: 'NOT_FOUND' } }]).code // 'NOT_FOUND'
 */
export function apiErrorFrom(errors: GraphqlErrorBody[]): ApiError {
  const messages = [...new Set(errors.map((error) => error.message))];
  const code = errors[0]?.extensions?.code;
  return new ApiError(messages.join('; '), typeof code === 'string' ? code : null);
}

/**
 * A message for any thrown value, for error states.
 *
 * @example errorMessage(new ApiError('no such experiment')) // 'no such experiment'
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
