import type pg from 'pg';

/** Anything that runs a SQL query: the pool, or a client checked out of it for a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
export type PoolClient = pg.PoolClient;
