import type { Database } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { pollUntil } from '../../db/test/support/poll.ts';
import {
  experimentJobs,
  experimentWithJobs,
  type JobRow,
  jobsDatabase,
} from './support/jobs-database.ts';
import { type ServiceProcess, spawnService, spawnWorker } from './support/worker-process.ts';

// Real processes and real signals: `pnpm worker`, and the API with its in-process worker.
let database: Database;
let experimentId: number;
beforeAll(async () => {
  database = await jobsDatabase();
  ({ id: experimentId } = await experimentWithJobs(database, 'signals', 1));
}, 120_000);
afterAll(() => database?.close());

/** Waits until `service` has been running the experiment's job for a second, and returns it. */
async function runningJob(service: ServiceProcess): Promise<JobRow> {
  return pollUntil(
    async () => {
      if (service.child.exitCode !== null) throw new Error(`exited early:\n${service.stderr}`);
      const [job] = await experimentJobs(database, experimentId);
      return job?.locked_at && Date.now() - job.locked_at.getTime() > 1_000 ? job : undefined;
    },
    180_000,
    200,
  );
}

/** Signals `service` mid-job; expects it to exit within 10 s with `code` and the job released. */
async function expectReleasedOn(
  service: ServiceProcess,
  send: () => void,
  code: number,
): Promise<void> {
  onTestFinished(() => service.kill('SIGKILL', { group: true }));
  const running = await runningJob(service);
  expect(running.attempts).toBe(1); // graphile-worker counts the attempt when it locks the job
  const sentAt = Date.now();
  send();
  expect(await service.exited).toEqual({ code, signal: null });
  expect(Date.now() - sentAt).toBeLessThan(10_000);
  const [job] = await experimentJobs(database, experimentId);
  // Unlocked, due now, the interrupted attempt given back, no error: ready for the next worker.
  expect(job).toMatchObject({ key: running.key, locked_by: null, attempts: 0, last_error: null });
  expect(job?.run_at.getTime()).toBeLessThanOrEqual(Date.now());
  expect(service.stderr).toContain(
    `released job ${running.id} (${running.key}) to run again at once`,
  );
  const workers = await database.pool.query('select worker_id from evaluation_workers');
  expect(workers.rows).toEqual([]);
}

describe('stopping a worker mid-job', () => {
  it('SIGTERM to `pnpm worker` releases the job at once and exits 143', async () => {
    const worker = spawnWorker(database.url);
    await expectReleasedOn(worker, () => worker.kill('SIGTERM'), 143);
  }, 300_000);

  it('Ctrl-C (SIGINT to the whole process group) does the same and exits 130', async () => {
    const worker = spawnWorker(database.url);
    await expectReleasedOn(worker, () => worker.kill('SIGINT', { group: true }), 130);
  }, 300_000);

  it('SIGTERM to the API (`pnpm api`, worker in-process) releases its job too', async () => {
    const api = spawnService('server/src/main.ts', ['--no-prepare'], {
      DATABASE_URL: database.url,
      PORT_API: '0',
    });
    await expectReleasedOn(api, () => api.kill('SIGTERM'), 143);
  }, 300_000);
});
