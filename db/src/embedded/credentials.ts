// Fixed credentials: the server listens on 127.0.0.1 only and the data directory is the
// real boundary (whoever can read it can read the data anyway), so a secret buys nothing.
export const EMBEDDED_USER = 'nngp';
export const EMBEDDED_PASSWORD = 'nngp';
export const EMBEDDED_DATABASE = 'nngp';
export const EMBEDDED_HOST = '127.0.0.1';

/**
 * Connection URL of a database on an embedded server.
 *
 * @example
 * embeddedUrl(54012) // 'postgres://nngp:nngp@127.0.0.1:54012/nngp'
 */
export function embeddedUrl(port: number, database = EMBEDDED_DATABASE): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${EMBEDDED_HOST}:${port}/${database}`;
}
