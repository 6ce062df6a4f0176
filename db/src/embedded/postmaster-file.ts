import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What PostgreSQL's own lock file, `<cluster>/postmaster.pid`, says about a running server. */
export interface PostmasterFile {
  pid: number;
  port: number;
  /** listen_addresses as the server resolved it, e.g. '127.0.0.1' or '*'. */
  listen: string;
  /** When the postmaster started, ISO 8601. */
  startedAt: string;
}

/**
 * Reads postmaster.pid (lines: pid, data dir, start time, port, socket dir, listen address,
 * shared memory key, status); undefined when absent or unreadable.
 *
 * @example
 * readPostmasterFile('/data/postgres') // { pid: 7429, port: 54329, listen: '127.0.0.1', startedAt: '…' }
 */
export function readPostmasterFile(cluster: string): PostmasterFile | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const started = Number(lines[2]);
  return {
    pid,
    port: Number.isInteger(port) ? port : 0,
    listen: (lines[5] ?? '').trim(),
    startedAt: new Date(Number.isFinite(started) ? started * 1000 : Date.now()).toISOString(),
  };
}
