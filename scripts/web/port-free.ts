import net from 'node:net';

/**
 * Resolves when `port` on `host` can be listened on right now; otherwise rejects with what is in
 * the way, naming `variable` (the setting that chose the port), so that a server started next is
 * not mistaken for the process that already answers there.
 *
 * @example await assertPortFree('127.0.0.1', 3000, 'PORT_WEB');
 */
export function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'another process already listens there; stop it or choose another port'
          : error.message;
      reject(new Error(`cannot listen on ${host}:${port} (${variable}): ${why}`));
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
