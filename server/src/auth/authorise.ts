import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether a request may run mutations and, when not, why (the UNAUTHENTICATED message). */
export type Authorisation = { authorised: true } | { authorised: false; reason: string };

/** Messages a client sees; each says what to fix. */
export const READ_ONLY = 'the API is read-only: set NNGP_API_TOKEN to enable mutations';
export const MISSING_TOKEN = 'missing Authorization: Bearer token';
export const WRONG_TOKEN = 'wrong token';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Checks a request's Authorization header against the server's token (`NNGP_API_TOKEN`;
 * undefined: the API is read-only). The comparison takes the same time whatever the guess:
 * both sides are hashed to equal lengths first, then compared with `timingSafeEqual`.
 *
 * @example authorise('Bearer s3cret-token-0123456789', 's3cret-token-0123456789') // { authorised: true }
 */
export function authorise(
  authorization: string | undefined,
  apiToken: string | undefined,
): Authorisation {
  if (apiToken === undefined) return { authorised: false, reason: READ_ONLY };
  const presented = BEARER.exec(authorization ?? '')?.[1];
  if (presented === undefined) return { authorised: false, reason: MISSING_TOKEN };
  return timingSafeEqual(digest(presented), digest(apiToken))
    ? { authorised: true }
    : { authorised: false, reason: WRONG_TOKEN };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
