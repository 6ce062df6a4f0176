import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { jobQueue, sweepOrphanedJobs } from '@nngp-nas/server/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The sweep on a real queue: graphile-worker's schema and functions, jobs locked as a worker
// locks them (locked_by, locked_at, attempts counted), heartbeats of live and dead workers.
let database: TestDatabase;
let experimentId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await jobQueue(database);
  const { rows } = await database.pool.query<{ id: number }>(
    `insert into nngp_experiments (name, config) values ('sweep', '{}') returning id`,
  );
  experimentId = rows[0]?.id as number;
});
afterAll(() => database?.close());

const query = async <R>(text: string, values: unknown[] = []) =>
  (await database.pool.query(text, values)).rows as R[];

const hash = (n: number) => n.toString(16).padStart(32, '0');
const key = (n: number) => `nngp:${experimentId}:${hash(n)}`;

/** A job of architecture `n`, locked by `worker` `lockedSecondsAgo` ago, on attempt `attempts`. */
async function lockedJob(n: number, worker: string, lockedSecondsAgo: number, attempts: number) {
  const queue = await jobQueue(database);
  await queue.addJob(
    'nngp-evaluate',
    { experimentId, hash: hash(n) },
    { jobKey: key(n), maxAttempts: 3 },
  );
  await query(
    `update graphile_worker._private_jobs
        set locked_by = $1, locked_at = now() - make_interval(secs => $2), attempts = $3
      where key = $4`,
    [worker, lockedSecondsAgo, attempts, key(n)],
  );
}

/** A worker's heartbeat row, last beaten `secondsAgo` ago. */
const heartbeat = (worker: string, secondsAgo: number) =>
  query(
    `insert into evaluation_workers (worker_id, host, pid, heartbeat_at)
     values ($1, 'gpu-7', 4242, now() - make_interval(secs => $2))`,
    [worker, secondsAgo],
  );

interface Job {
  key: string;
  locked_by: string | null;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
}
const jobs = async () =>
  new Map(
    (
      await query<Job>(
        'select key, locked_by, attempts, max_attempts, last_error, run_at from graphile_worker.jobs',
      )
    ).map((j) => [j.key, j]),
  );

beforeEach(async () => {
  await query('delete from graphile_worker._private_jobs');
  await query('delete from evaluation_workers');
  await query('update nngp_experiments set last_error = null, last_error_at = null');
});

describe('sweeping the jobs of dead workers', () => {
  it('frees jobs of stale and unregistered workers, and only those', async () => {
    await heartbeat('worker-dead', 60);
    await heartbeat('worker-dead-on-last', 25);
    await heartbeat('worker-alive', 2);
    await lockedJob(1, 'worker-dead', 70, 1);
    await lockedJob(2, 'worker-dead-on-last', 30, 3);
    await lockedJob(3, 'worker-alive', 600, 1);
    await lockedJob(4, 'worker-never-registered', 60, 2);
    await lockedJob(5, 'worker-registering', 1, 1);

    const result = await sweepOrphanedJobs(database);
    expect(result.released).toBe(2);
    expect(result.failedForGood).toBe(1);
    expect(result.deadWorkers.map((w) => w.workerId).sort()).toEqual([
      'worker-dead',
      'worker-dead-on-last',
      'worker-never-registered',
    ]);

    const after = await jobs();
    // Unlocked and due: the next idle worker takes them (the crash spent their attempt).
    expect(after.get(key(1))).toMatchObject({ locked_by: null, attempts: 1 });
    expect(after.get(key(4))).toMatchObject({ locked_by: null, attempts: 2 });
    expect((after.get(key(1)) as Job).run_at.getTime()).toBeLessThanOrEqual(Date.now());
    // Its last attempt died with the worker: failed for good, with the reason.
    expect(after.get(key(2))).toMatchObject({ locked_by: null, attempts: 3 });
    expect(after.get(key(2))?.last_error).toMatch(
      /its worker worker-dead-on-last \(gpu-7, pid 4242\) died during the last attempt \(no heartbeat for 20 s\)/,
    );
    // A live worker's job and a just-locked one of a worker that may still be registering stay.
    expect(after.get(key(3))?.locked_by).toBe('worker-alive');
    expect(after.get(key(5))?.locked_by).toBe('worker-registering');

    const workers = await query<{ worker_id: string }>('select worker_id from evaluation_workers');
    expect(workers.map((w) => w.worker_id)).toEqual(['worker-alive']);
    const [experiment] = await query<{ last_error: string | null; last_error_at: Date | null }>(
      'select last_error, last_error_at from nngp_experiments where id = $1',
      [experimentId],
    );
    expect(experiment?.last_error).toMatch(
      new RegExp(`^${hash(2)}: its worker worker-dead-on-last`),
    );
    expect(experiment?.last_error_at).toBeInstanceOf(Date);
  });

  it('is idempotent: a second sweep, or two at once, free each job once', async () => {
    await heartbeat('worker-dead', 60);
    await lockedJob(1, 'worker-dead', 70, 1);
    await lockedJob(2, 'worker-dead', 70, 1); // a worker of concurrency 1 never has two; the sweep does not care
    await lockedJob(3, 'worker-never-registered', 60, 1);
    const [a, b] = await Promise.all([sweepOrphanedJobs(database), sweepOrphanedJobs(database)]);
    expect((a?.released ?? 0) + (b?.released ?? 0)).toBe(3);
    expect(await sweepOrphanedJobs(database)).toEqual({
      deadWorkers: [],
      released: 0,
      failedForGood: 0,
    });
    for (const job of (await jobs()).values()) expect(job.locked_by).toBeNull();
  });

  it('leaves everything alone while every worker beats', async () => {
    await heartbeat('worker-alive', 0);
    await lockedJob(1, 'worker-alive', 3600, 1);
    const before = await jobs();
    expect(await sweepOrphanedJobs(database)).toEqual({
      deadWorkers: [],
      released: 0,
      failedForGood: 0,
    });
    expect(await jobs()).toEqual(before);
  });
});
