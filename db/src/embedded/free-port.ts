import net from 'node:net';

/**
 * Asks the kernel for a free TCP port on `host`. Another process may take it before the
 * server binds it; the caller retries with a new port when the start fails that way.
 *
 * @example
 * const port = await freePort('127.0.0.1'); // e.g. 41873, never a fixed 5432
 */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
