/**
 * Worker throughput (architectures per hour) with one and two `pnpm worker` processes and one
 * process at --concurrency 2, at a small setting (stem 16, 100/100 images, M = 1, 20
 * architectures each), against NNGP_TEST_DATABASE_URL's server (else an embedded one):
 *   NNGP_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx test/jobs/measure-throughput.ts
 * Timed from the enqueue (workers already started and idle) until the queue is empty.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { experimentJobs, experimentWithJobs, jobsDatabase } from './support/jobs-database.ts';
import { spawnWorker } from './support/worker-process.ts';

const ARCHITECTURES = 20;
const database = await jobsDatabase();
const setups: { label: string; workers: string[][] }[] = [
  { label: '1 worker', workers: [[]] },
  { label: '2 workers', workers: [[], []] },
  { label: '1 worker, --concurrency 2', workers: [['--concurrency', '2']] },
];
console.log(
  `${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const [i, setup] of setups.entries()) {
  const workers = setup.workers.map((args) => spawnWorker(database.url, args));
  for (const w of workers) await w.waitFor(/Worker connected/);
  const started = performance.now();
  const { id } = await experimentWithJobs(
    database,
    `throughput ${i}`,
    ARCHITECTURES,
    undefined,
    i * ARCHITECTURES,
  );
  while ((await experimentJobs(database, id)).length > 0) await sleep(250);
  const seconds = (performance.now() - started) / 1000;
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  console.log(
    `${setup.label}: ${ARCHITECTURES} architectures in ${seconds.toFixed(1)} s = ${((ARCHITECTURES / seconds) * 3600).toFixed(0)} architectures/hour (load average now ${os.loadavg()[0]?.toFixed(1)})`,
  );
}
await database.close();
