import { jobQueue, runDueEvaluations, startEvaluationWorker } from '@nngp-nas/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApi, type TestApi } from './support.ts';

const TOKEN = 'experiments-test-token-0123456789';

// The record fixture and a server that accepts TOKEN; jobs run on the real NNGP engine.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ fixture: true, apiToken: TOKEN });
});
afterAll(() => t?.close());

const sqlRows = async <R>(text: string, values: unknown[] = []): Promise<R[]> =>
  (await t.database.pool.query(text, values)).rows as R[];

/** The smallest network and data that still run the whole path (stem 8, one module). */
const TINY = {
  nTrain: 20,
  nVal: 20,
  ensemble: 1,
  stemChannels: 8,
  stacks: 1,
  modulesPerStack: 1,
  configs: [{ nTrain: 10, nVal: 10, ensemble: 1 }],
};

const EXPERIMENT_FIELDS = `id name status cancelledAt engine backend config { engine } costPflops resultCount architectureCount
  lastError lastErrorAt progress { done queued running failed failedForGood total ratePerHour etaSeconds }`;

interface Experiment {
  id: string;
  name: string;
  status: string;
  cancelledAt: string | null;
  engine: string | null;
  backend: string | null;
  config: { engine: string | null };
  costPflops: number;
  resultCount: number;
  architectureCount: number;
  lastError: string | null;
  lastErrorAt: string | null;
  progress: {
    done: number;
    queued: number;
    running: number;
    failed: number;
    failedForGood: number;
    total: number;
    ratePerHour: number | null;
    etaSeconds: number | null;
  };
}

async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await gql<T>(t.api.url, query, variables, { token: TOKEN });
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

async function create(name: string, settings: Record<string, unknown> = TINY): Promise<string> {
  const data = await mutate<{ createExperiment: { id: string } }>(
    'mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { id } }',
    { input: { name, ...settings } },
  );
  return data.createExperiment.id;
}

const enqueue = (experiment: string, hashes: string[]) =>
  mutate<{ enqueueEvaluations: { enqueued: number; alreadyDone: number; alreadyQueued: number } }>(
    `mutation ($experiment: ID!, $hashes: [ID!]) {
       enqueueEvaluations(experiment: $experiment, hashes: $hashes) { enqueued alreadyDone alreadyQueued }
     }`,
    { experiment, hashes },
  ).then((d) => d.enqueueEvaluations);

async function experiment(id: string): Promise<Experiment> {
  const r = await gql<{ experiment: Experiment }>(
    t.api.url,
    `query ($id: ID!) { experiment(id: $id) { ${EXPERIMENT_FIELDS} } }`,
    { id },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.experiment as Experiment;
}

/** Runs every job that is due, one at a time, as `pnpm worker --once` does, then returns. */
const runQueuedJobs = () => runDueEvaluations(t.database, { log: () => {} });

async function someHashes(n: number, offset = 0): Promise<string[]> {
  const rows = await sqlRows<{ hash: string }>(
    'SELECT hash FROM architectures ORDER BY hash LIMIT $1 OFFSET $2',
    [n, offset],
  );
  return rows.map((r) => r.hash);
}

describe('evaluation jobs', () => {
  let id: string;
  let hashes: string[];
  beforeAll(async () => {
    id = await create('tiny');
    hashes = await someHashes(2);
    expect(await enqueue(id, hashes)).toEqual({ enqueued: 2, alreadyDone: 0, alreadyQueued: 0 });
  });

  it('a queued experiment has no results and two waiting jobs', async () => {
    expect(await experiment(id)).toMatchObject({
      status: 'QUEUED',
      engine: null,
      backend: null,
      config: { engine: 'onnx' },
      costPflops: 0,
      progress: { done: 0, queued: 2, running: 0, failed: 0, total: 2, ratePerHour: null },
    });
  }, 120_000);

  it('a worker evaluates them with the NNGP engine and stores results like the CLI', async () => {
    await runQueuedJobs();
    const results = await sqlRows<{
      module_hash: string;
      n_train: number;
      n_val: number;
      accuracy: number | null;
      accuracies: (number | null)[];
      engine: string;
      backend: string;
      flops: number;
    }>(
      `SELECT module_hash, n_train, n_val, accuracy, accuracies, engine, backend, flops
         FROM nngp_results WHERE experiment_id = $1 ORDER BY module_hash, n_train DESC`,
      [Number(id)],
    );
    // Each architecture at the largest configuration and the derived 10/10/1.
    expect(results.map((r) => [r.module_hash, r.n_train, r.n_val])).toEqual(
      hashes.flatMap((h) => [
        [h, 20, 20],
        [h, 10, 10],
      ]),
    );
    for (const r of results) {
      expect(r.engine).toBe('onnx'); // compute's default engine
      expect(r.accuracies).toHaveLength(20);
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.accuracy).toBeLessThanOrEqual(1);
      expect(r.flops).toBeGreaterThan(0);
    }
    const kernels = await sqlRows<{ n: number }>(
      'SELECT count(*)::int AS n FROM nngp_kernels WHERE experiment_id = $1',
      [Number(id)],
    );
    expect(kernels[0]?.n).toBe(2); // retention 'all': one seed per architecture
    const jobs = await sqlRows<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE $1',
      [`nngp:${id}:%`],
    );
    expect(jobs[0]?.n).toBe(0);

    const largest = results.filter((r) => r.n_train === 20);
    const after = await experiment(id);
    expect(after).toMatchObject({
      status: 'COMPLETED',
      engine: 'onnx',
      backend: results[0]?.backend,
      resultCount: 4,
      architectureCount: 2,
      progress: { done: 2, queued: 0, running: 0, failed: 0, total: 2, etaSeconds: null },
    });
    expect(after.costPflops).toBeGreaterThan(0);
    expect(after.costPflops).toBeCloseTo(largest.reduce((s, r) => s + r.flops, 0) / 1e15, 12);
    // Two results within the hour, stored one after the other: a rate.
    expect(after.progress.ratePerHour).toBeGreaterThan(0);
  }, 300_000);

  it('queueing them again finds them done', async () => {
    expect(await enqueue(id, hashes)).toEqual({ enqueued: 0, alreadyDone: 2, alreadyQueued: 0 });
  });

  it('a job for an architecture already evaluated changes nothing', async () => {
    const before = await sqlRows<{ created_at: Date }>(
      'SELECT created_at FROM nngp_results WHERE experiment_id = $1 ORDER BY module_hash, n_train',
      [Number(id)],
    );
    const queue = await jobQueue(t.database);
    await queue.addJob('nngp-evaluate', { experimentId: Number(id), hash: hashes[0] });
    await runQueuedJobs();
    const after = await sqlRows<{ created_at: Date }>(
      'SELECT created_at FROM nngp_results WHERE experiment_id = $1 ORDER BY module_hash, n_train',
      [Number(id)],
    );
    expect(after).toEqual(before);
    const left = await sqlRows<{ n: number }>(
      "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'nngp-evaluate' AND key IS NULL",
    );
    expect(left[0]?.n).toBe(0);
  }, 120_000);
});

describe('cancellation and failure', () => {
  it('a job of a cancelled experiment returns without evaluating', async () => {
    const id = await create('cancelled');
    const [hash] = await someHashes(1, 10);
    await enqueue(id, [hash as string]);
    const cancelled = await mutate<{ cancelExperiment: { removedJobs: number } }>(
      'mutation ($id: ID!) { cancelExperiment(id: $id) { removedJobs } }',
      { id },
    );
    expect(cancelled.cancelExperiment.removedJobs).toBe(1);
    // A job that was already running when the cancel came retries later: it must stop there.
    const queue = await jobQueue(t.database);
    await queue.addJob('nngp-evaluate', { experimentId: Number(id), hash }, { maxAttempts: 3 });
    await runQueuedJobs();
    const results = await sqlRows<{ n: number }>(
      'SELECT count(*)::int AS n FROM nngp_results WHERE experiment_id = $1',
      [Number(id)],
    );
    expect(results[0]?.n).toBe(0);
    expect(await experiment(id)).toMatchObject({
      status: 'CANCELLED',
      progress: { done: 0, queued: 0, failed: 0 },
    });
  }, 120_000);

  it('a failing evaluation is retried later and counted as failed meanwhile', async () => {
    // The shared CIFAR-10 subset cannot give 5,000 balanced training images.
    const id = await create('too big', { ...TINY, nTrain: 5000, configs: [] });
    const [hash] = await someHashes(1, 20);
    await enqueue(id, [hash as string]);
    await runQueuedJobs();
    const [job] = await sqlRows<{ attempts: number; last_error: string; run_at: Date }>(
      'SELECT attempts, last_error, run_at FROM graphile_worker.jobs WHERE key = $1',
      [`nngp:${id}:${hash}`],
    );
    expect(job?.attempts).toBe(1);
    expect(job?.last_error).toMatch(/5000/);
    expect(await experiment(id)).toMatchObject({
      status: 'QUEUED',
      lastError: null,
      progress: { done: 0, queued: 1, running: 0, failed: 1, failedForGood: 0, total: 1 },
    });

    // Its last attempt (rescheduled to now, not to wait out the back-off) fails for good.
    await sqlRows(
      `SELECT graphile_worker.reschedule_jobs(ARRAY[id], run_at => now(), attempts => max_attempts - 1)
         FROM graphile_worker.jobs WHERE key = $1`,
      [`nngp:${id}:${hash}`],
    );
    await runQueuedJobs();
    const failed = await experiment(id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      progress: { done: 0, queued: 0, running: 0, failed: 1, failedForGood: 1, total: 0 },
    });
    expect(failed.lastError).toMatch(new RegExp(`^${hash}: .*5000`));
    expect(Date.now() - Date.parse(failed.lastErrorAt as string)).toBeLessThan(120_000);
    // Queued again, it is waiting once more; the error stays until a newer one replaces it.
    expect(await enqueue(id, [hash as string])).toEqual({
      enqueued: 1,
      alreadyDone: 0,
      alreadyQueued: 0,
    });
    expect(await experiment(id)).toMatchObject({
      status: 'QUEUED',
      lastError: failed.lastError,
      progress: { queued: 1, failedForGood: 0 },
    });
  }, 120_000);
});

describe('the worker runner', () => {
  it('runs queued evaluations as they arrive and stops on request', async () => {
    const id = await create('runner');
    const [hash] = await someHashes(1, 30);
    const lines: string[] = [];
    const runner = await startEvaluationWorker(t.database, { log: (line) => lines.push(line) });
    try {
      // Only this job: a failing one of another test may come due for its retry meanwhile.
      const finished = new Promise<boolean>((resolve) =>
        runner.events.on('job:complete', ({ job, error }) => {
          if (job.key === `nngp:${id}:${hash}`) resolve(!error);
        }),
      );
      await enqueue(id, [hash as string]);
      expect(await finished).toBe(true);
    } finally {
      await runner.stop();
    }
    expect(await experiment(id)).toMatchObject({ status: 'COMPLETED', progress: { done: 1 } });
    expect(lines.join('\n')).toContain(`runner: evaluated ${hash}`);
  }, 120_000);
});

describe('progress across experiments', () => {
  it('is batched: three queries more than the bare listing, however many experiments', async () => {
    await create('batch a');
    await create('batch b');
    t.queries.reset();
    const bare = await gql<{ experiments: { id: string }[] }>(t.api.url, '{ experiments { id } }');
    expect(bare.errors).toBeUndefined();
    const listing = t.queries.count;
    t.queries.reset();
    const r = await gql<{ experiments: Experiment[] }>(
      t.api.url,
      `{ experiments { ${EXPERIMENT_FIELDS} } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.experiments.length).toBeGreaterThanOrEqual(6);
    // Result counts, the results summary and the job counts: one query each for all of them.
    expect(t.queries.count - listing).toBe(3);
    const byName = new Map(r.data?.experiments.map((e) => [e.name, e]));
    expect(byName.get('tiny')?.status).toBe('COMPLETED');
    expect(byName.get('cancelled')?.status).toBe('CANCELLED');
    expect(byName.get('batch a')?.status).toBe('CREATED');
  });
});
