import type { Database } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { pollUntil } from '../../db/test/support/poll.ts';
import {
  experimentJobs,
  experimentWithJobs,
  jobsDatabase,
  resultCounts,
} from './support/jobs-database.ts';
import { spawnWorker } from './support/worker-process.ts';

// Two `pnpm worker` processes against one PostgreSQL server, as two machines of a team would
// run them against one DATABASE_URL; one of them runs two jobs at once.
let database: Database;
beforeAll(async () => {
  database = await jobsDatabase();
}, 120_000);
afterAll(() => database?.close());

const JOBS = 8;
const evaluatedIn = (stderr: string) =>
  [...stderr.matchAll(/: evaluated ([0-9a-f]{32})/g)].map((m) => m[1]);

describe('two workers over one experiment', () => {
  it('evaluate every architecture exactly once, with no gap', async () => {
    const { id, hashes } = await experimentWithJobs(database, 'scale-out', JOBS);
    const wide = spawnWorker(database.url, ['--concurrency', '2']);
    const narrow = spawnWorker(database.url, [], { NNGP_WORKER_CONCURRENCY: '1' });
    for (const w of [wide, narrow]) onTestFinished(() => w.kill('SIGKILL', { group: true }));
    await wide.waitFor(/running queued evaluations, 2 at a time/);
    await narrow.waitFor(/running queued evaluations, one at a time/);

    // Watch the queue until it is empty: how many jobs the wide worker held at once.
    let widest = 0;
    await pollUntil(
      async () => {
        const { rows } = await database.pool.query<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs j
           join evaluation_workers w on w.worker_id = j.locked_by
          where w.pid = $1 and j.key like $2`,
          [wide.child.pid, `nngp:${id}:%`],
        );
        widest = Math.max(widest, rows[0]?.n ?? 0);
        return (await experimentJobs(database, id)).length === 0 ? true : undefined;
      },
      480_000,
      250,
    );
    expect(widest).toBe(2);

    const counts = await resultCounts(database, id);
    expect([...counts.keys()].sort()).toEqual([...hashes].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // No duplicate: each architecture evaluated by one worker, once; both took part.
    const byWide = evaluatedIn(wide.stderr);
    const byNarrow = evaluatedIn(narrow.stderr);
    expect([...byWide, ...byNarrow].sort()).toEqual([...hashes].sort());
    expect(byWide.length).toBeGreaterThan(0);
    expect(byNarrow.length).toBeGreaterThan(0);
  }, 600_000);
});
