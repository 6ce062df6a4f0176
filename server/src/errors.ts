import { GraphQLError } from 'graphql';

/** The `extensions.code` values this API sends (notebooks branch on them). */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'QUERY_TOO_COMPLEX' | 'UNAUTHENTICATED';

/**
 * A bad argument: names the argument (`argumentName`), and the input field within it when there
 * is one (`field`), so a client can point at what to fix.
 *
 * @example throw badUserInput('first must be at most 500', 'first');
 */
export function badUserInput(message: string, argumentName: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argumentName, ...(field === undefined ? {} : { field }) },
  });
}

/**
 * A lookup by key that found nothing (the field resolves to null beside this error).
 *
 * @example throw notFound('architecture', hash);
 */
export function notFound(what: string, key: string): GraphQLError {
  return new GraphQLError(`no ${what} ${JSON.stringify(key)}`, {
    extensions: { code: 'NOT_FOUND', what, key },
  });
}

/**
 * A query over the depth or complexity limit, refused before any resolver runs.
 *
 * @example throw queryTooComplex('depth 14 exceeds 12', { depth: 14, maxDepth: 12 });
 */
export function queryTooComplex(message: string, details: Record<string, number>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', ...details, http: { status: 400 } },
  });
}

/**
 * A mutation without the API token (or on a read-only server); `reason` says which.
 *
 * @example throw unauthenticated('missing Authorization: Bearer token');
 */
export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(reason, { extensions: { code: 'UNAUTHENTICATED' } });
}
