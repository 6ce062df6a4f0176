import { isIP } from 'node:net';

/**
 * The interface the dashboard listens on, from NNGP_WEB_HOST (default 127.0.0.1, loopback only;
 * empty means the default), validated as the API's NNGP_API_HOST is: an IP address or localhost.
 *
 * @example readWebHost({ NNGP_WEB_HOST: '0.0.0.0' }) // '0.0.0.0' (every interface)
 */
export function readWebHost(env: NodeJS.ProcessEnv): string {
  const host = env.NNGP_WEB_HOST?.trim() || '127.0.0.1';
  if (isIP(host) === 0 && host !== 'localhost') {
    throw new Error(
      `invalid environment: NNGP_WEB_HOST must be an IP address or localhost, got '${host}'`,
    );
  }
  return host;
}
