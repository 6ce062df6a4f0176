import { GraphQLError } from 'graphql';

/** Most characters of a client's value that an error message repeats back. */
export const MAX_ECHOED_CHARS = 100;

/**
 * `value` as JSON for an error message, cut to {@link MAX_ECHOED_CHARS} characters with "…": a
 * client that sends a megabyte must not get it back (nor fill the log with it).
 *
 * @example clientValue('x'.repeat(500)) // '"xxxx…' (101 characters)
 */
export function clientValue(value: unknown): string {
  return truncated(JSON.stringify(value) ?? String(value));
}

/** Longest message sent, whatever it quotes: room for the explanation, not for a payload. */
const MAX_MESSAGE_CHARS = 1000;
/** A double-quoted string, as graphql-js and this API quote a client's value in a message. */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * `message` with each quoted string longer than {@link MAX_ECHOED_CHARS} cut (with "…"), and the
 * whole cut to 1,000 characters: for messages that quote a client's value, graphql-js's own
 * (`Variable "$x" got invalid value "…"`) included.
 *
 * @example shortenQuotedValues(`bad value "${'x'.repeat(1e6)}"`).length // 113
 */
export function shortenQuotedValues(message: string): string {
  const cut = message.replace(QUOTED, (whole, inner: string) =>
    inner.length > MAX_ECHOED_CHARS ? `"${inner.slice(0, MAX_ECHOED_CHARS)}…"` : whole,
  );
  return truncated(cut, MAX_MESSAGE_CHARS);
}

/**
 * `text` cut to `max` characters, the cut marked with "…".
 *
 * @example truncated('abcdef', 3) // 'abc…'
 */
export function truncated(text: string, max = MAX_ECHOED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

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
    extensions: {
      code: 'BAD_USER_INPUT',
      argumentName: truncated(argumentName),
      ...(field === undefined ? {} : { field: truncated(field) }),
    },
  });
}

/**
 * A lookup by key that found nothing (the field resolves to null beside this error).
 *
 * @example throw notFound('architecture', hash);
 */
export function notFound(what: string, key: string): GraphQLError {
  return new GraphQLError(`no ${what} ${clientValue(key)}`, {
    extensions: { code: 'NOT_FOUND', what, key: truncated(key) },
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
