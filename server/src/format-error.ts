import type { GraphQLFormattedError } from 'graphql';
import { MAX_ECHOED_CHARS, shortenQuotedValues, truncated } from './errors.ts';

/**
 * Apollo's `formatError`: an unexpected failure (code INTERNAL_SERVER_ERROR, e.g. a failed SQL
 * statement whose message would carry the query and its parameters) reaches the client as a
 * generic message and the server log gets the detail; domain errors (BAD_USER_INPUT, NOT_FOUND,
 * UNAUTHENTICATED ...) keep their message, written for the client. Every message is cut where
 * it repeats a client's value (graphql-js's `Variable "$x" got invalid value "…"` quotes it
 * whole): each quoted string to 100 characters and "…", the message to 1,000, so a megabyte
 * argument is not echoed back.
 *
 * @example new ApolloServer({ typeDefs, resolvers, formatError: maskInternalErrors(log) })
 */
export function maskInternalErrors(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return withShortValues(formatted);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(
      `internal error at ${formatted.path?.join('.') ?? '(request)'}: ${truncated(detail, 10_000)}`,
    );
    return {
      ...formatted,
      message: 'internal server error (the API server log has the details)',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** `formatted` itself when nothing in it is long, else a copy with the long values cut. */
function withShortValues(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = shortenQuotedValues(formatted.message);
  const extensions = formatted.extensions;
  const longExtension =
    extensions !== undefined &&
    Object.values(extensions).some((v) => typeof v === 'string' && v.length > MAX_ECHOED_CHARS);
  if (message === formatted.message && !longExtension) return formatted;
  return {
    ...formatted,
    message,
    ...(extensions === undefined
      ? {}
      : {
          extensions: Object.fromEntries(
            Object.entries(extensions).map(([k, v]) => [
              k,
              typeof v === 'string' && k !== 'stacktrace' ? truncated(v) : v,
            ]),
          ),
        }),
  };
}
