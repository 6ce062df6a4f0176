import type { ServerResponse } from 'node:http';

/**
 * Writes `chunk` and, when the socket's buffer is full, waits for it to drain: a slow client
 * holds the export back instead of the server buffering the whole file. Resolves false once the
 * client has gone (the connection closed), true otherwise.
 *
 * @example if (!(await writeWithBackpressure(res, csv))) return; // client disconnected
 */
export function writeWithBackpressure(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (written: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(written);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
