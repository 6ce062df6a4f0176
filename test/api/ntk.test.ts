import { ntkFlops } from '@nngp-nas/compute/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportUrl, gql, parseCsv, startTestApi, type TestApi } from './support.ts';

/*
 * The empirical NTK through the API: experiments that estimate it, its results beside the
 * NNGP's (kind), the NTK predictor (kernel: NTK) in `predictors` and `metrics` with the NTK cost
 * model, what marks an architecture done for the queue, and its CSV export column. Results are
 * synthetic rows written in SQL (the evaluation itself is tested in test/e2e/ntk.test.ts).
 */

const TOKEN = 'ntk-test-token-0123456789abcdef';
const asUser = { token: TOKEN };
let t: TestApi;
let experiment: string;
let hashes: { hash: string; parameters: number; flops: number }[];

const sql = async <T>(text: string, values: unknown[] = []) =>
  (await t.database.pool.query(text, values)).rows as T[];

beforeAll(async () => {
  t = await startTestApi({ fixture: true, apiToken: TOKEN });
  const created = await gql<{ createExperiment: { id: string; config: { kernels: string[] } } }>(
    t.api.url,
    `mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { id config { kernels } } }`,
    {
      input: {
        name: 'both kernels',
        nTrain: 100,
        nVal: 200,
        ensemble: 2,
        stemChannels: 16,
        kernels: ['NNGP', 'NTK'],
      },
    },
    asUser,
  );
  expect(created.errors).toBeUndefined();
  experiment = created.data?.createExperiment.id as string;
  expect(created.data?.createExperiment.config.kernels).toEqual(['NNGP', 'NTK']);
  hashes = await sql(
    `SELECT a.hash, a.trainable_parameters AS parameters, a.flops::float8 AS flops
       FROM architectures a WHERE EXISTS (SELECT 1 FROM training_records r WHERE r.module_hash = a.hash)
      ORDER BY md5(a.hash) LIMIT 40`,
  );
  // NNGP results for all 40, NTK results for the first 30: 10 still lack their NTK.
  for (const [kind, n] of [
    ['nngp', 40],
    ['ntk', 30],
  ] as const) {
    await sql(
      `INSERT INTO nngp_results (experiment_id, module_hash, kind, n_train, n_val, ensemble, accuracy,
                                 accuracies, regularizers, engine, backend, seconds, flops)
       SELECT $1, hash, $2, 100, 200, 2, 0.2 + (row_number() OVER (ORDER BY hash))::float8 / 1000,
              ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'wasm', 1, 1
         FROM unnest($3::text[]) AS hash`,
      [Number(experiment), kind, hashes.slice(0, n).map((h) => h.hash)],
    );
  }
});
afterAll(() => t.close());

describe('the empirical NTK through the API', () => {
  it('an experiment made without kernels estimates the NNGP alone', async () => {
    const r = await gql<{ createExperiment: { config: { kernels: string[] } } }>(
      t.api.url,
      `mutation { createExperiment(input: { name: "nngp only", nTrain: 10, nVal: 10 }) { config { kernels } } }`,
      {},
      asUser,
    );
    expect(r.data?.createExperiment.config.kernels).toEqual(['NNGP']);
  });

  it('lists the NTK configuration as a predictor with kernel NTK, and the NNGP one without', async () => {
    const r = await gql<{
      predictors: { kind: string; name: string; kernel: string | null; count: number }[];
    }>(t.api.url, `{ predictors { kind name kernel experiment count } }`);
    const ours = r.data?.predictors.filter((p) => p.name.includes('both kernels'));
    expect(ours?.map(({ name, kernel, count }) => ({ name, kernel, count }))).toEqual([
      { name: 'nngp both kernels 100/200/2', kernel: null, count: 40 },
      { name: 'ntk both kernels 100/200/2', kernel: 'NTK', count: 30 },
    ]);
  });

  it('computes metrics of the NTK predictor, priced by the NTK cost model', async () => {
    const r = await gql<{ metrics: { predictor: string; count: number; costPflops: number }[] }>(
      t.api.url,
      `query ($predictors: [PredictorInput!]!) { metrics(predictors: $predictors) { predictor count costPflops } }`,
      {
        predictors: [
          { kind: 'NNGP', experiment, kernel: 'NTK', name: 'ntk' },
          { kind: 'NNGP', experiment, name: 'nngp' },
        ],
      },
    );
    expect(r.errors).toBeUndefined();
    const [ntk, nngp] = r.data?.metrics ?? [];
    expect(ntk?.count).toBe(30);
    expect(nngp?.count).toBe(40);
    const expected =
      hashes
        .slice(0, 30)
        .reduce(
          (sum, h) =>
            sum + ntkFlops({ nTrain: 100, nVal: 200, ensemble: 2 }, h.flops, h.parameters),
          0,
        ) / 1e15;
    expect(ntk?.costPflops).toBeCloseTo(expected, 6);
    // A forward and a backward pass per image (3 F_inf against the NNGP's 1) plus the gradient
    // products: more than 3 times the NNGP per architecture.
    expect((ntk?.costPflops as number) / 30).toBeGreaterThan(
      (3 * (nngp?.costPflops as number)) / 40,
    );
  });

  it('shows each result with its kernel on the architecture', async () => {
    const r = await gql<{ architecture: { nngp: { kind: string; accuracy: number }[] } }>(
      t.api.url,
      `query ($hash: ID!, $experiment: ID) { architecture(hash: $hash) { nngp(experiment: $experiment) { kind accuracy } } }`,
      { hash: hashes[0]?.hash, experiment },
    );
    expect(r.data?.architecture.nngp.map((n) => n.kind).sort()).toEqual(['NNGP', 'NTK']);
  });

  it('queues the architectures that still lack their NTK, the rest being done', async () => {
    const r = await gql<{ enqueueEvaluations: { enqueued: number; alreadyDone: number } }>(
      t.api.url,
      `mutation ($experiment: ID!, $hashes: [ID!]) { enqueueEvaluations(experiment: $experiment, hashes: $hashes) { enqueued alreadyDone } }`,
      { experiment, hashes: hashes.map((h) => h.hash) },
      asUser,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.enqueueEvaluations).toEqual({ enqueued: 10, alreadyDone: 30 });
  });

  it('exports the NTK accuracy in an ntk_<experiment> column beside nngp_<experiment>', async () => {
    const rows = parseCsv(await (await fetch(exportUrl(t.api))).text());
    const first = rows.find((row) => row.hash === hashes[0]?.hash);
    const last = rows.find((row) => row.hash === hashes[39]?.hash);
    const [nngpValue, ntkValue] = (
      await sql<{ kind: string; accuracy: number }>(
        `SELECT kind, accuracy FROM nngp_results WHERE module_hash = $1 AND experiment_id = $2 ORDER BY kind`,
        [hashes[0]?.hash, Number(experiment)],
      )
    ).map((row) => row.accuracy);
    expect(Number(first?.['nngp_both kernels'])).toBe(nngpValue);
    expect(Number(first?.['ntk_both kernels'])).toBe(ntkValue);
    expect(last?.['ntk_both kernels']).toBe('');
    expect(Object.keys(first ?? {})).not.toContain('ntk_nngp only');
  });
});
