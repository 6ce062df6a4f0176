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

// Real `pnpm worker` processes on a scratch database; the job's worker dies by SIGKILL to its
// process group, as when its machine or container is killed.
let database: Database;
beforeAll(async () => {
  database = await jobsDatabase();
}, 120_000);
afterAll(() => database?.close());

/** `evaluated <hash>` lines a worker logged, one per evaluation it stored. */
const evaluatedIn = (stderr: string) =>
  [...stderr.matchAll(/: evaluated ([0-9a-f]{32})/g)].map((m) => m[1]);

describe('a worker killed mid-job', () => {
  it('has its job picked up by another worker within a minute, and every result stored once', async () => {
    const { id, hashes } = await experimentWithJobs(database, 'sigkill', 4);
    const doomed = spawnWorker(database.url);
    onTestFinished(() => doomed.kill('SIGKILL', { group: true }));
    // Mid-job: locked by the doomed worker for half a second and not yet stored. The kill
    // follows the check at once: starting the other worker first gave the doomed one time to
    // finish the job on a loaded machine.
    const job = await pollUntil(
      async () => {
        const locked = (await experimentJobs(database, id)).find((j) => j.locked_by !== null);
        const stored = evaluatedIn(doomed.stderr);
        return locked?.locked_at &&
          Date.now() - locked.locked_at.getTime() > 500 &&
          !stored.some((h) => h !== undefined && locked.key.endsWith(h))
          ? locked
          : undefined;
      },
      180_000,
      100,
    );
    doomed.kill('SIGKILL', { group: true });
    const killedAt = Date.now();
    expect((await doomed.exited).signal).toBe('SIGKILL');
    expect(evaluatedIn(doomed.stderr)).not.toContain(hashes.find((h) => job.key.endsWith(h)));

    const other = spawnWorker(database.url);
    onTestFinished(() => other.kill('SIGKILL', { group: true }));
    await other.waitFor(/Worker connected/);

    // Picked up again: locked by the other worker, or already done by it.
    await pollUntil(
      async () => {
        const again = (await experimentJobs(database, id)).find((j) => j.key === job.key);
        return again === undefined ||
          (again.locked_by !== null && again.locked_by !== job.locked_by)
          ? true
          : undefined;
      },
      90_000,
      250,
    );
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(other.stderr).toMatch(
      new RegExp(
        `dead worker\\(s\\) ${job.locked_by} \\(\\S+, pid \\d+\\): released 1 job\\(s\\) to run again`,
      ),
    );

    // The run completes: every architecture stored exactly once, nothing left queued.
    await pollUntil(
      async () => ((await experimentJobs(database, id)).length === 0 ? true : undefined),
      300_000,
      500,
    );
    const counts = await resultCounts(database, id);
    expect([...counts.keys()].sort()).toEqual([...hashes].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const evaluated = [...evaluatedIn(doomed.stderr), ...evaluatedIn(other.stderr)];
    expect(evaluated.sort()).toEqual([...hashes].sort());
  }, 480_000);
});
