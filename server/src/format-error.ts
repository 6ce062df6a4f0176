import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo's `formatError`: an unexpected failure (code INTERNAL_SERVER_ERROR, e.g. a failed SQL
 * statement whose message would carry the query and its parameters) reaches the client as a
 * generic message and the server log gets the detail; domain errors (BAD_USER_INPUT, NOT_FOUND,
 * UNAUTHENTICATED ...) pass unchanged, since their messages are written for the client.
 *
 * @example new ApolloServer({ typeDefs, resolvers, formatError: maskInternalErrors(log) })
 */
export function maskInternalErrors(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`internal error at ${formatted.path?.join('.') ?? '(request)'}: ${detail}`);
    return {
      ...formatted,
      message: 'internal server error (the API server log has the details)',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
