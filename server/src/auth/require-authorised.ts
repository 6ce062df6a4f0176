import { unauthenticated } from '../errors.ts';
import type { Authorisation } from './authorise.ts';

/**
 * Refuses a mutation unless the request carried the API token: an UNAUTHENTICATED error whose
 * message says what is missing (no token on the server, no header, a wrong token). Called first
 * in every mutation, before any input is read or anything is stored.
 *
 * @example requireAuthorised(context.auth);
 */
export function requireAuthorised(auth: Authorisation): void {
  if (!auth.authorised) {
    throw unauthenticated(auth.reason);
  }
}
