import net from 'node:net';
import os from 'node:os';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { type ApiServer, createApiServer, type Readiness } from '@nngp-nas/server';
import { readServerEnv } from '@nngp-nas/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './support.ts';

// Transport-level defences: what /health says while the data is prepared and when the database
// is gone, which origins may read answers, and where the API listens by default.
let database: TestDatabase;
/** A second database, made unreachable (and reachable again) under the API that serves it. */
let doomed: TestDatabase;
const servers: ApiServer[] = [];
const logged: string[] = [];

const start = async (options: Partial<Parameters<typeof createApiServer>[0]> = {}) => {
  const api = await createApiServer({
    database,
    port: 0,
    development: false,
    log: (line) => logged.push(line),
    ...options,
  });
  servers.push(api);
  return api;
};

const healthOf = async (api: ApiServer) => {
  const response = await fetch(new URL('/health', api.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  [database, doomed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  for (const api of servers) await api.stop();
  await database?.pool.query(`alter database ${doomed?.name} allow_connections true`);
  await Promise.all([database?.close(), doomed?.close()]);
});

describe('/health and readiness', () => {
  it('reports the data step in progress, then ok once ready, then the failure', async () => {
    let readiness: Readiness = { state: 'preparing', step: 'search space', done: 3, total: 7 };
    const api = await start({ readiness: () => readiness });
    expect(await healthOf(api)).toEqual({
      status: 200,
      body: { status: 'preparing', step: 'search space', done: 3, total: 7 },
    });
    // GraphQL already answers while the data is prepared.
    expect((await gql(api.url, '{ experiments { id } }')).data).toEqual({ experiments: [] });

    readiness = { state: 'ready' };
    expect(await healthOf(api)).toEqual({ status: 200, body: { status: 'ok' } });

    readiness = { state: 'failed', error: 'record file nb101.tfrecord: truncated record 12' };
    expect(await healthOf(api)).toEqual({
      status: 503,
      body: { status: 'failed', error: 'record file nb101.tfrecord: truncated record 12' },
    });
  });

  it('says "database unreachable" without SQL or names when the database refuses, and recovers', async () => {
    const api = await start({ database: doomed });
    expect(await healthOf(api)).toEqual({ status: 200, body: { status: 'ok' } });
    // The database stops taking connections and drops the ones it had: the pool's next query
    // fails (on a fresh connection) with a message naming the database.
    await database.pool.query(`alter database ${doomed.name} allow_connections false`);
    await database.pool.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
      [doomed.name],
    );
    await expect.poll(async () => (await healthOf(api)).status, { timeout: 10_000 }).toBe(503);
    const down = await healthOf(api);
    expect(down.body).toEqual({ status: 'unavailable', error: 'database unreachable' });
    expect(JSON.stringify(down.body)).not.toContain(doomed.name);
    expect(logged.join('\n')).toContain('database unreachable');

    await database.pool.query(`alter database ${doomed.name} allow_connections true`);
    await expect.poll(async () => (await healthOf(api)).status, { timeout: 10_000 }).toBe(200);
  });
});

describe('internal failures are told in words, the detail only in the log', () => {
  it('GraphQL, the CSV export and /health leak no SQL, table names, paths or stack', async () => {
    const broken = await createTestDatabase();
    try {
      const api = await start({ database: broken });
      // A table the queries need is gone: every statement on it fails with Postgres's message.
      await broken.pool.query('alter table nngp_experiments rename to nngp_experiments_gone');
      logged.length = 0;
      const r = await gql(api.url, '{ experiments { id name } }');
      expect(r.errors?.[0]).toMatchObject({
        message: 'internal server error (the API server log has the details)',
        path: ['experiments'],
      });
      expect(r.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const csv = await fetch(new URL('/export/architectures.csv', api.url));
      expect(csv.status).toBe(500);
      const csvBody = await csv.text();
      expect(JSON.parse(csvBody)).toEqual({ error: 'the CSV export failed on the server' });
      for (const body of [JSON.stringify(r), csvBody]) {
        expect(body).not.toMatch(/nngp_experiments|select|relation|\/work\/|\.ts:\d+|stacktrace/i);
      }
      // The server log has what failed.
      expect(logged.join('\n')).toMatch(/nngp_experiments/);
    } finally {
      await broken.close();
    }
  });

  it('development mode only when NODE_ENV=development', async () => {
    const { isDevelopment } = await import('../../server/src/env.ts');
    expect(isDevelopment(readServerEnv({}))).toBe(false);
    expect(isDevelopment(readServerEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(isDevelopment(readServerEnv({ NODE_ENV: 'test' }))).toBe(false);
    expect(isDevelopment(readServerEnv({ NODE_ENV: 'development' }))).toBe(true);
  });
});

describe('CORS', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await start({ corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'] });
  });

  const post = (origin?: string) =>
    fetch(api.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(origin === undefined ? {} : { origin }),
      },
      body: JSON.stringify({ query: '{ experiments { id } }' }),
    });
  const preflight = (origin: string) =>
    fetch(api.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('lets the dashboard origin read answers, naming it (never *), with Vary: Origin', async () => {
    const response = await post('http://localhost:3000');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('vary')).toMatch(/origin/i);
    const allowed = await preflight('http://127.0.0.1:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives another origin no access-control-allow-origin and refuses its preflight', async () => {
    const response = await post('http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
    const refused = await preflight('http://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-headers')).toBeNull();
    // A port is part of the origin.
    const otherPort = await post('http://localhost:3001');
    expect(otherPort.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves clients that send no Origin (notebooks, curl) as before', async () => {
    const response = await post();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { experiments: [] } });
  });

  it('defaults to the dashboard on PORT_WEB, or NNGP_CORS_ORIGINS', () => {
    expect(readServerEnv({}).NNGP_CORS_ORIGINS).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
    ]);
    expect(readServerEnv({ PORT_WEB: '3100' }).NNGP_CORS_ORIGINS).toEqual([
      'http://localhost:3100',
      'http://127.0.0.1:3100',
    ]);
    expect(
      readServerEnv({ NNGP_CORS_ORIGINS: 'https://lab.example, http://10.0.0.5:3000' })
        .NNGP_CORS_ORIGINS,
    ).toEqual(['https://lab.example', 'http://10.0.0.5:3000']);
    expect(() => readServerEnv({ NNGP_CORS_ORIGINS: 'lab.example/x' })).toThrow(
      /NNGP_CORS_ORIGINS/,
    );
  });
});

/** A local IPv4 address that is not loopback, if this machine has one. */
function nonLoopbackAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/** Whether a TCP connection to host:port is accepted (false when refused or not answered). */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('listening address', () => {
  it('listens on 127.0.0.1 unless told otherwise', async () => {
    const previous = process.env.NNGP_API_HOST;
    delete process.env.NNGP_API_HOST;
    try {
      const api = await start();
      expect(api.host).toBe('127.0.0.1');
      expect(await connects('127.0.0.1', api.port)).toBe(true);
      const outside = nonLoopbackAddress();
      if (outside !== undefined) expect(await connects(outside, api.port)).toBe(false);
    } finally {
      if (previous !== undefined) process.env.NNGP_API_HOST = previous;
    }
  });

  it('opens up with NNGP_API_HOST=0.0.0.0', async () => {
    const previous = process.env.NNGP_API_HOST;
    process.env.NNGP_API_HOST = '0.0.0.0';
    try {
      const api = await start();
      expect(api.host).toBe('0.0.0.0');
      const outside = nonLoopbackAddress() ?? '127.0.0.1';
      expect(await connects(outside, api.port)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.NNGP_API_HOST;
      else process.env.NNGP_API_HOST = previous;
    }
  });

  it('refuses an NNGP_API_HOST that is not an address, naming it', () => {
    expect(() => readServerEnv({ NNGP_API_HOST: 'every interface' })).toThrow(
      /NNGP_API_HOST: must be an IP address or localhost/,
    );
  });
});
