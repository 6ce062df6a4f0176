import type { Database } from '@nngp-nas/db';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { pollUntil } from '../../db/test/support/poll.ts';
import {
  experimentJobs,
  experimentWithJobs,
  jobsDatabase,
  resultCounts,
} from './support/jobs-database.ts';
import { type StoppablePostgres, startStoppablePostgres } from './support/stoppable-postgres.ts';
import { type ServiceProcess, spawnService, spawnWorker } from './support/worker-process.ts';

// A PostgreSQL of the test's own, stopped and started again on the same port while a
// `pnpm worker` and the API's in-process worker are in the middle of their jobs.
let server: StoppablePostgres;
let database: Database;
beforeAll(async () => {
  server = await startStoppablePostgres();
  database = await jobsDatabase(server.url);
}, 180_000);
afterAll(async () => {
  await database?.close();
  await server?.destroy();
});

const JOBS = 8;

describe('a database outage mid-run', () => {
  it('is waited out: both workers resume by themselves and the run completes', async () => {
    const { id, hashes } = await experimentWithJobs(database, 'outage', JOBS);
    const services: [string, ServiceProcess][] = [
      ['pnpm worker', spawnWorker(database.url)],
      [
        'pnpm api',
        spawnService('server/src/main.ts', ['--no-prepare'], {
          DATABASE_URL: database.url,
          PORT_API: '0',
        }),
      ],
    ];
    for (const [, service] of services)
      onTestFinished(() => service.kill('SIGKILL', { group: true }));
    // Both mid-job: two jobs locked for a second.
    await pollUntil(
      async () => {
        const locked = (await experimentJobs(database, id)).filter(
          (j) => j.locked_at !== null && Date.now() - j.locked_at.getTime() > 1_000,
        );
        return locked.length === 2 ? true : undefined;
      },
      240_000,
      200,
    );

    await server.stop();
    // Down until each worker's job ended and could not be stored: graphile-worker 0.16.6 then
    // drops that worker for good (graphile/worker#592), which is what must be survived.
    for (const [, service] of services)
      await service.waitFor(/evaluation worker: lost worker/, 240_000);
    const downFor = services.map(([, s]) => s.stderr.length);
    await server.start();

    await pollUntil(
      async () => ((await resultCounts(database, id)).size === JOBS ? true : undefined),
      400_000,
      1_000,
    );
    const counts = await resultCounts(database, id);
    expect([...counts.keys()].sort()).toEqual([...hashes].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await pollUntil(
      async () => ((await experimentJobs(database, id)).length === 0 ? true : undefined),
      60_000,
      500,
    );

    services.forEach(([name, service], i) => {
      const after = service.stderr.slice(downFor[i]);
      expect(service.child.exitCode, `${name} exited:\n${service.stderr}`).toBeNull();
      expect(after, name).toContain('evaluation worker: resumed');
      // Every worker took part again after the outage.
      expect(after, name).toMatch(/outage: (evaluated|[0-9a-f]{32} was already evaluated)/);
    });
  }, 600_000);
});
