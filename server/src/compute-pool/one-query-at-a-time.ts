import type { Db, PoolClient } from '@nngp-nas/db';
import { drizzle } from 'drizzle-orm/node-postgres';

/**
 * Drizzle over one checked-out connection whose queries run one after another. An analysis'
 * loaders start their queries together (Promise.all); on a single connection they queue anyway,
 * but pg 8 warns when a query arrives while another runs (and pg 9 refuses it), so they queue
 * here instead, in the order they were sent.
 *
 * @example
 * const client = await pool.connect();
 * try { await overOneConnection(db, client).transaction(load); } finally { client.release(); }
 */
export function overOneConnection(db: Db, client: PoolClient): Db {
  return drizzle({ client: oneQueryAtATime(client), schema: db._.fullSchema }) as unknown as Db;
}

function oneQueryAtATime(client: PoolClient): PoolClient {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]): Promise<unknown> => {
    const next = last.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
    last = next.catch(() => {});
    return next;
  };
  // A proxy, not a copy: drizzle must still see a client (not a pool) with the client's state.
  return new Proxy(client, {
    get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)),
  });
}
