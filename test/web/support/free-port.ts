import net from 'node:net';

/**
 * A TCP port nothing listens on right now (the OS picks it), for servers that cannot be told
 * to pick their own and report it, such as `next start`.
 *
 * @example const web = await startNextServer({ port: await freePort(), apiUrl });
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
