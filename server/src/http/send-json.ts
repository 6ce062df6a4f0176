import type { ServerResponse } from 'node:http';

/**
 * Ends `res` with `status` and `body` as JSON.
 *
 * @example sendJson(res, 404, { error: 'not found' });
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
