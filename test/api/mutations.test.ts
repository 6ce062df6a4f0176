import { defaultEvaluationDataset } from '@nngp-nas/compute/nngp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApi, type TestApi } from './support.ts';

const TOKEN = 'mutations-test-token-0123456789';

// The record fixture (10,302 modules) and a server that accepts TOKEN.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ fixture: true, apiToken: TOKEN });
});
afterAll(() => t?.close());

const sqlRows = async <R>(text: string, values: unknown[] = []): Promise<R[]> =>
  (await t.database.pool.query(text, values)).rows as R[];

/** Everything a mutation may change, to show a refused one changed nothing. */
const snapshot = () =>
  sqlRows(`SELECT (SELECT count(*) FROM nngp_experiments)::int AS experiments,
                  (SELECT count(*) FROM nngp_experiments WHERE cancelled_at IS NOT NULL)::int AS cancelled,
                  (SELECT count(*) FROM nngp_results)::int AS results,
                  coalesce((SELECT count(*) FROM graphile_worker.jobs), 0)::int AS jobs`);

const CREATE = `mutation ($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    id name retention precision status cancelledAt backend costPflops resultCount
    config { nTrain nVal ensemble seed stemChannels stacks modulesPerStack dataset bnBatchSize
             configs { nTrain nVal ensemble } }
    progress { done queued running failed total ratePerHour etaSeconds }
  }
}`;
const ENQUEUE = `mutation ($experiment: ID!, $filter: ArchitectureFilter, $hashes: [ID!], $limit: Int) {
  enqueueEvaluations(experiment: $experiment, filter: $filter, hashes: $hashes, limit: $limit) {
    enqueued alreadyDone alreadyQueued
    experiment { id status cancelledAt progress { done queued running failed total } }
  }
}`;
const CANCEL = `mutation ($id: ID!) {
  cancelExperiment(id: $id) {
    removedJobs
    experiment { id status cancelledAt progress { queued total } }
  }
}`;

interface ExperimentFields {
  id: string;
  name: string;
  status: string;
  cancelledAt: string | null;
  config: Record<string, unknown>;
  progress: Record<string, number | null>;
  [field: string]: unknown;
}
interface EnqueueFields {
  enqueued: number;
  alreadyDone: number;
  alreadyQueued: number;
  experiment: ExperimentFields;
}

const asUser = { token: TOKEN };
const create = (input: Record<string, unknown>) =>
  gql<{ createExperiment: ExperimentFields }>(t.api.url, CREATE, { input }, asUser);
const enqueue = (variables: Record<string, unknown>) =>
  gql<{ enqueueEvaluations: EnqueueFields }>(t.api.url, ENQUEUE, variables, asUser);
const cancel = (id: string) =>
  gql<{ cancelExperiment: { removedJobs: number; experiment: ExperimentFields } }>(
    t.api.url,
    CANCEL,
    { id },
    asUser,
  );

async function someHashes(n: number): Promise<string[]> {
  const rows = await sqlRows<{ hash: string }>(
    'SELECT hash FROM architectures ORDER BY hash DESC LIMIT $1',
    [n],
  );
  return rows.map((r) => r.hash);
}

async function newExperiment(name: string): Promise<string> {
  const r = await create({ name, nTrain: 20, nVal: 20, stemChannels: 8, stacks: 1 });
  expect(r.errors).toBeUndefined();
  return r.data?.createExperiment.id as string;
}

describe('the bearer token', () => {
  let experiment: string;
  let hashes: string[];
  beforeAll(async () => {
    experiment = await newExperiment('token checks');
    hashes = await someHashes(2);
    expect((await enqueue({ experiment, hashes })).data?.enqueueEvaluations.enqueued).toBe(2);
  });

  const refusals = () =>
    [
      ['createExperiment', CREATE, { input: { name: 'not allowed' } }],
      ['enqueueEvaluations', ENQUEUE, { experiment, hashes: [] }],
      ['cancelExperiment', CANCEL, { id: experiment }],
    ] as const;

  it.each([
    ['no header', {}, 'missing Authorization: Bearer token'],
    ['another scheme', { authorization: `Basic ${TOKEN}` }, 'missing Authorization: Bearer token'],
    ['a wrong token', { token: `${TOKEN}x` }, 'wrong token'],
    ['a prefix of the token', { token: TOKEN.slice(0, -1) }, 'wrong token'],
  ])(
    '%s: every mutation is UNAUTHENTICATED and nothing changes',
    async (_, credentials, message) => {
      const before = await snapshot();
      for (const [field, query, variables] of refusals()) {
        const r = await gql(t.api.url, query, variables, credentials);
        expect(r.data ?? null, field).toBeNull();
        expect(r.errors?.[0]?.extensions?.code, field).toBe('UNAUTHENTICATED');
        expect(r.errors?.[0]?.message, field).toBe(message);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('accepts the scheme in any case', async () => {
    const r = await gql<{ enqueueEvaluations: EnqueueFields }>(
      t.api.url,
      ENQUEUE,
      { experiment, hashes },
      { authorization: `bearer ${TOKEN}` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.enqueueEvaluations.alreadyQueued).toBe(2);
  });

  it('queries stay open without a token', async () => {
    const r = await gql<{ experiment: { name: string; status: string } }>(
      t.api.url,
      'query ($id: ID!) { experiment(id: $id) { name status } }',
      { id: experiment },
    );
    expect(r.data?.experiment).toEqual({ name: 'token checks', status: 'QUEUED' });
  });

  it('without NNGP_API_TOKEN on the server the API is read-only', async () => {
    const readOnly = await startTestApi();
    try {
      for (const credentials of [{}, asUser]) {
        const r = await gql(readOnly.api.url, CREATE, { input: { name: 'x' } }, credentials);
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(r.errors?.[0]?.message).toBe(
          'the API is read-only: set NNGP_API_TOKEN to enable mutations',
        );
      }
      const { rows } = await readOnly.database.pool.query(
        'SELECT count(*)::int AS n FROM nngp_experiments',
      );
      expect(rows[0].n).toBe(0);
      // An experiment stored by the CLI on a database where no job queue was ever installed.
      await readOnly.database.pool.query(
        `INSERT INTO nngp_experiments (name, config) VALUES ('from the cli', '{"nTrain": 10}')`,
      );
      const open = await gql<{ experiments: unknown[] }>(
        readOnly.api.url,
        '{ experiments { name status progress { done queued failed } } }',
      );
      expect(open.errors).toBeUndefined();
      expect(open.data?.experiments).toEqual([
        { name: 'from the cli', status: 'CREATED', progress: { done: 0, queued: 0, failed: 0 } },
      ]);
    } finally {
      await readOnly.close();
    }
  });
});

describe('createExperiment', () => {
  it("stores an experiment with nngp evaluate's defaults", async () => {
    const r = await create({ name: 'defaults' });
    expect(r.errors).toBeUndefined();
    const experiment = r.data?.createExperiment as ExperimentFields;
    const dataset = defaultEvaluationDataset();
    expect(experiment).toMatchObject({
      name: 'defaults',
      retention: 'all',
      precision: 'float32',
      status: 'CREATED',
      cancelledAt: null,
      backend: null,
      costPflops: 0,
      resultCount: 0,
      config: {
        nTrain: 1000,
        nVal: 1000,
        ensemble: 1,
        seed: 0,
        stemChannels: 128,
        stacks: 3,
        modulesPerStack: 3,
        dataset: Array.isArray(dataset) ? dataset.join(',') : dataset,
        bnBatchSize: 128,
        configs: [{ nTrain: 1000, nVal: 1000, ensemble: 1 }],
      },
      progress: {
        done: 0,
        queued: 0,
        running: 0,
        failed: 0,
        total: 0,
        ratePerHour: null,
        etaSeconds: null,
      },
    });
    const [row] = await sqlRows<{ config: { dataset: string } }>(
      'SELECT config FROM nngp_experiments WHERE id = $1',
      [Number(experiment.id)],
    );
    expect(row?.config.dataset).toMatch(/cifar/i);
  });

  it('takes every setting, with the smaller configurations to derive', async () => {
    const r = await create({
      name: 'settings',
      nTrain: 200,
      nVal: 100,
      ensemble: 4,
      seed: 7,
      stemChannels: 16,
      stacks: 2,
      modulesPerStack: 1,
      bnBatchSize: 64,
      configs: [
        { nTrain: 100, nVal: 100, ensemble: 2 },
        { nTrain: 100, nVal: 100, ensemble: 2 },
      ],
      retention: 'largest',
      precision: 'float16',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createExperiment).toMatchObject({
      retention: 'largest',
      precision: 'float16',
      config: {
        nTrain: 200,
        nVal: 100,
        ensemble: 4,
        seed: 7,
        stemChannels: 16,
        stacks: 2,
        modulesPerStack: 1,
        bnBatchSize: 64,
        configs: [
          { nTrain: 200, nVal: 100, ensemble: 4 },
          { nTrain: 100, nVal: 100, ensemble: 2 },
        ],
      },
    });
  });

  it('stores the engine the jobs run on: the one given, else compute’s default (onnx)', async () => {
    for (const [name, engine] of [
      ['engine-tfjs', 'tfjs'],
      ['engine-default', undefined],
    ] as const) {
      const r = await create({ name, nTrain: 30, ...(engine ? { engine } : {}) });
      expect(r.errors).toBeUndefined();
      const [row] = await sqlRows<{ engine: string }>(
        `SELECT config->>'engine' AS engine FROM nngp_experiments WHERE name = $1`,
        [name],
      );
      expect(row?.engine).toBe(engine ?? 'onnx');
    }
  });

  it.each([
    [{ name: '  ' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 'bad', nTrain: 0 }, 'nTrain'],
    [{ name: 'bad', nVal: -3 }, 'nVal'],
    [{ name: 'bad', ensemble: 0 }, 'ensemble'],
    [{ name: 'bad', stemChannels: 0 }, 'stemChannels'],
    [{ name: 'bad', bnBatchSize: 0 }, 'bnBatchSize'],
    [{ name: 'bad', retention: 'some' }, 'retention'],
    [{ name: 'bad', precision: 'float64' }, 'precision'],
    [{ name: 'bad', engine: 'torch' }, 'engine'],
    [{ name: 'bad', nTrain: 100, configs: [{ nTrain: 200, nVal: 10, ensemble: 1 }] }, 'configs'],
    [{ name: 'bad', configs: [{ nTrain: 10, nVal: 0, ensemble: 1 }] }, 'configs'],
  ])('refuses %j naming input.%s, storing nothing', async (input, field) => {
    const before = await snapshot();
    const r = await create(input);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input',
      field,
    });
    expect(r.errors?.[0]?.message).toContain(field.replace('configs', 'config'));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a taken name, even with the same settings', async () => {
    expect((await create({ name: 'taken', nTrain: 30 })).errors).toBeUndefined();
    const before = await snapshot();
    for (const input of [
      { name: 'taken', nTrain: 30 },
      { name: ' taken ', nTrain: 40 },
    ]) {
      const r = await create(input);
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'input',
        field: 'name',
      });
      expect(r.errors?.[0]?.message).toBe('an experiment named "taken" exists');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('gives concurrent creates of one name to exactly one of them', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => create({ name: 'race', nTrain: 30 })),
    );
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    const [row] = await sqlRows<{ n: number }>(
      "SELECT count(*)::int AS n FROM nngp_experiments WHERE name = 'race'",
    );
    expect(row?.n).toBe(1);
  });
});

describe('enqueueEvaluations', () => {
  const jobsOf = (id: string) =>
    sqlRows<{ key: string; task_identifier: string; max_attempts: number; attempts: number }>(
      `SELECT key, task_identifier, max_attempts, attempts FROM graphile_worker.jobs
        WHERE key LIKE $1 ORDER BY key`,
      [`nngp:${id}:%`],
    );

  it('queues one graphile-worker job per hash, keyed by experiment and architecture', async () => {
    const id = await newExperiment('by hashes');
    const hashes = await someHashes(3);
    const r = await enqueue({ experiment: id, hashes: [...hashes, hashes[0]] });
    expect(r.errors).toBeUndefined();
    expect(r.data?.enqueueEvaluations).toMatchObject({
      enqueued: 3,
      alreadyDone: 0,
      alreadyQueued: 0,
      experiment: { id, status: 'QUEUED', progress: { done: 0, queued: 3, running: 0, total: 3 } },
    });
    const jobs = await jobsOf(id);
    expect(jobs.map((j) => j.key)).toEqual(hashes.map((h) => `nngp:${id}:${h}`).sort());
    for (const job of jobs) {
      expect(job).toMatchObject({ task_identifier: 'nngp-evaluate', max_attempts: 3, attempts: 0 });
    }
    const payloads = await sqlRows<{ payload: unknown }>(
      `SELECT payload FROM graphile_worker._private_jobs WHERE key = $1`,
      [`nngp:${id}:${hashes[0]}`],
    );
    expect(payloads[0]?.payload).toEqual({ experimentId: Number(id), hash: hashes[0] });

    const again = await enqueue({ experiment: id, hashes });
    expect(again.data?.enqueueEvaluations).toMatchObject({
      enqueued: 0,
      alreadyDone: 0,
      alreadyQueued: 3,
    });
    expect(await jobsOf(id)).toHaveLength(3);
  });

  it('queues the architectures of a filter, the first `limit` by hash', async () => {
    const id = await newExperiment('by filter');
    const filter = { residualConnections: { min: 2, max: 2 }, operations: ['maxpool3x3'] };
    const matching = await sqlRows<{ hash: string }>(
      `SELECT hash FROM architectures
        WHERE residual_connections = 2 AND 'maxpool3x3' = ANY(operations) ORDER BY hash`,
    );
    expect(matching.length).toBeGreaterThan(20);
    const first = await enqueue({ experiment: id, filter, limit: 10 });
    expect(first.data?.enqueueEvaluations).toMatchObject({ enqueued: 10, alreadyQueued: 0 });
    expect((await jobsOf(id)).map((j) => j.key)).toEqual(
      matching.slice(0, 10).map((m) => `nngp:${id}:${m.hash}`),
    );
    const all = await enqueue({ experiment: id, filter });
    expect(all.data?.enqueueEvaluations).toMatchObject({
      enqueued: matching.length - 10,
      alreadyDone: 0,
      alreadyQueued: 10,
      experiment: { progress: { queued: matching.length, total: matching.length } },
    });
  });

  it('queues every fixture module in one call', async () => {
    const id = await newExperiment('everything');
    const r = await enqueue({ experiment: id, filter: {} });
    expect(r.errors).toBeUndefined();
    expect(r.data?.enqueueEvaluations.enqueued).toBe(10_302);
    expect((await jobsOf(id)).length).toBe(10_302);
  });

  it.each([
    [{ hashes: ['0'.repeat(32)] }, 'hashes', /unknown architecture 0{32}/],
    [{ hashes: ['not-a-hash'] }, 'hashes', /not a module hash/],
    [{ hashes: [] }, 'hashes', /empty/],
    [{}, 'filter', /exactly one of filter and hashes/],
    [{ filter: {}, hashes: ['0'.repeat(32)] }, 'hashes', /exactly one of filter and hashes/],
    [{ filter: {}, limit: 0 }, 'limit', /between 1 and 50000/],
    [{ filter: {}, limit: 50_001 }, 'limit', /between 1 and 50000/],
    [{ filter: { residualConnections: { min: 3, max: 1 } } }, 'filter', /min 3/],
  ])('refuses %j naming %s, queueing nothing', async (variables, argumentName, message) => {
    const id = await newExperiment(`refused ${JSON.stringify(variables)}`);
    const before = await snapshot();
    const r = await enqueue({ experiment: id, ...variables });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('names an unknown hash among known ones', async () => {
    const id = await newExperiment('one unknown');
    const [known] = await someHashes(1);
    const unknown = 'f'.repeat(32);
    const r = await enqueue({ experiment: id, hashes: [known, unknown] });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'hashes',
    });
    expect(r.errors?.[0]?.message).toBe(`unknown architecture ${unknown}`);
    expect(await jobsOf(id)).toEqual([]);
  });

  it('an unknown experiment is NOT_FOUND', async () => {
    const r = await enqueue({ experiment: '999999', filter: {} });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await enqueue({ experiment: 'x', filter: {} });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'experiment',
    });
  });
});

describe('cancelExperiment', () => {
  it('removes the queued jobs, marks the experiment cancelled, and a new enqueue resumes it', async () => {
    const id = await newExperiment('to cancel');
    const other = await newExperiment('left alone');
    const hashes = await someHashes(5);
    await enqueue({ experiment: id, hashes });
    await enqueue({ experiment: other, hashes });

    const r = await cancel(id);
    expect(r.errors).toBeUndefined();
    const result = r.data?.cancelExperiment;
    expect(result?.removedJobs).toBe(5);
    expect(result?.experiment).toMatchObject({
      id,
      status: 'CANCELLED',
      progress: { queued: 0, total: 0 },
    });
    const cancelledAt = result?.experiment.cancelledAt as string;
    expect(Number.isNaN(Date.parse(cancelledAt))).toBe(false);
    const [jobs] = await sqlRows<{ mine: number; theirs: number }>(
      `SELECT count(*) FILTER (WHERE key LIKE $1)::int AS mine,
              count(*) FILTER (WHERE key LIKE $2)::int AS theirs FROM graphile_worker.jobs`,
      [`nngp:${id}:%`, `nngp:${other}:%`],
    );
    expect(jobs).toEqual({ mine: 0, theirs: 5 });

    const again = await cancel(id);
    expect(again.data?.cancelExperiment).toMatchObject({
      removedJobs: 0,
      experiment: { status: 'CANCELLED', cancelledAt },
    });

    const resumed = await enqueue({ experiment: id, hashes: hashes.slice(0, 2) });
    expect(resumed.data?.enqueueEvaluations).toMatchObject({
      enqueued: 2,
      experiment: { status: 'QUEUED', cancelledAt: null, progress: { queued: 2 } },
    });
  });

  it('an unknown experiment is NOT_FOUND', async () => {
    const r = await cancel('424242');
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
