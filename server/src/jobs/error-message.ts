/**
 * The message of anything thrown, for a log line or a stored error. Drizzle wraps a failed
 * statement as "Failed query: <the SQL>"; the database's own message is its cause.
 *
 * @example errorMessage(new Error('connection refused')) // 'connection refused'
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message.startsWith('Failed query') && error.cause instanceof Error)
    return errorMessage(error.cause);
  return error.message;
}
