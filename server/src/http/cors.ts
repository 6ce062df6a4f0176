import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send-json.ts';

/** What the API lets a browser page send (the bearer token travels in `authorization`). */
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight';

/**
 * CORS for the origins in `allowedOrigins` (`*` in it lets every origin in): a request from one
 * of them gets `access-control-allow-origin` naming it, one from any other origin gets no CORS
 * header at all (so the browser keeps the answer from the page), and every answer says
 * `Vary: Origin` so a cache does not hand one origin's answer to another. Returns true when it
 * answered the request itself: a preflight (204 when allowed, 403 when not).
 *
 * @example if (applyCors(req, res, ['http://localhost:3000'])) return;
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  const allowed =
    origin !== undefined && (allowedOrigins.includes('*') || allowedOrigins.includes(origin));
  if (allowed) res.setHeader('access-control-allow-origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (!allowed) {
    sendJson(res, 403, { error: 'origin not allowed (see NNGP_CORS_ORIGINS)' });
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '86400',
  });
  res.end();
  return true;
}
