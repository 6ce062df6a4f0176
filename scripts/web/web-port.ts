/**
 * The dashboard's port from PORT_WEB (default 3000; empty means the default), validated.
 *
 * @example readWebPort({ PORT_WEB: '3100' }) // 3100
 */
export function readWebPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT_WEB?.trim() || '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid environment: PORT_WEB must be a port number (1-65535), got '${raw}'`);
  }
  return port;
}
