import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kendallTau, nngpFlops, spreadThresholds } from '@nngp-nas/compute/metrics';
import { mnasReward, sampleMnas } from '@nngp-nas/compute/mnas';
import { importMnasMeasurements, upsertMnasNetworks } from '@nngp-nas/compute/mnas/store';
import { ensureExperiment } from '@nngp-nas/compute/nngp/store';
import { MAX_COMPLEXITY } from '@nngp-nas/server';
import { measureRequest } from '@nngp-nas/server/testing';
import * as documents from '@nngp-nas/web/api-documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportUrl, gql, parseCsv, startTestApi, type TestApi } from './support.ts';

/*
 * The MNAS search space through the API beside NAS-Bench-101: the space filter (NAS-Bench-101
 * by default), size clusters and experiments per space, the MNAS ground truth (the imported
 * reward) in the analyses and the export, and paper Fig. 7. The networks are real sampled
 * specs; their NNGP accuracies are written in SQL (the evaluation itself is tested in
 * test/e2e/mnas-database.test.ts), the measurements go through the real import.
 */

const N = 12;
let t: TestApi;
let dir: string;
let experiment: string;
let nbExperiment: string;
const specs = sampleMnas(N, 5);
/** Network i: NNGP accuracy rising with i, 5-epoch accuracy and latency chosen so the reward is not monotone in i. */
const nngpOf = (i: number) => 0.1 + i / 100;
const accuracy5Of = (i: number) => 0.5 + ((i * 7) % N) / 100;
const latencyOf = (i: number) => 60 + ((i * 5) % N);
const finalOf = (i: number) => (i % 3 === 0 ? null : 0.7 + ((i * 7) % N) / 200);

const sql = async <T>(text: string, values: unknown[] = []) =>
  (await t.database.pool.query(text, values)).rows as T[];

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  dir = await mkdtemp(join(tmpdir(), 'nngp-mnas-api-'));
  await upsertMnasNetworks(t.database.pool, specs);
  const largest = { nTrain: 20, nVal: 20, ensemble: 2 };
  const config = {
    ...largest,
    seed: 0,
    stemChannels: 32,
    stacks: 7,
    modulesPerStack: 0,
    dataset: '/images',
    bnBatchSize: 128,
    configs: [],
  };
  const mnas = await ensureExperiment(
    t.database.pool,
    'mnas api',
    { ...config, space: 'mnas', mnas: { images: '/images', labels: 5, resolution: 32 } },
    'none',
    'float32',
  );
  experiment = String(mnas.id);
  nbExperiment = String(
    (await ensureExperiment(t.database.pool, 'nb101 api', config, 'none', 'float32')).id,
  );
  await sql(
    `INSERT INTO nngp_results (experiment_id, module_hash, kind, n_train, n_val, ensemble, accuracy,
                               accuracies, regularizers, engine, backend, seconds, flops)
     SELECT $1, hash, 'nngp', 20, 20, 2, accuracy, ARRAY[accuracy], ARRAY[1e-3], 'onnx', 'cpu', 1, 1
       FROM unnest($2::text[], $3::float8[]) AS t(hash, accuracy)`,
    [mnas.id, specs.map((s) => s.hash()), specs.map((_, i) => nngpOf(i))],
  );
  // Every network measured but the last (NNGP only); the first given by hash, the rest by encoding.
  const lines = specs
    .slice(0, N - 1)
    .map(
      (s, i) =>
        `${i === 0 ? '' : s.encode()},${i === 0 ? s.hash() : ''},${accuracy5Of(i)},${latencyOf(i)},${finalOf(i) ?? ''}`,
    );
  const file = join(dir, 'measured.csv');
  await writeFile(
    file,
    ['encoding,hash,accuracy_5epoch,latency_ms,final_accuracy', ...lines].join('\n'),
  );
  await importMnasMeasurements(t.database, file);
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const rewardOf = (i: number) => mnasReward(accuracy5Of(i), latencyOf(i));

describe('the MNAS search space through the API', () => {
  it('lists NAS-Bench-101 by default and MNAS networks when the filter names the space', async () => {
    const r = await gql<{
      nb: { totalCount: number; edges: { node: { space: string } }[] };
      mnas: {
        totalCount: number;
        edges: {
          node: {
            hash: string;
            space: string;
            encoding: string;
            matrix: null;
            operations: null;
            groundTruth: number | null;
            mnas: { reward: number; targetLatencyMs: number; latencyExponent: number } | null;
            sizeCluster: { id: number } | null;
          };
        }[];
      };
    }>(
      t.api.url,
      `{ nb: architectures(first: 500) { totalCount edges { node { space } } }
         mnas: architectures(filter: { space: MNAS }, first: 50) { totalCount edges { node {
           hash space encoding matrix operations groundTruth sizeCluster { id }
           mnas { reward targetLatencyMs latencyExponent } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.nb.totalCount).toBe(10_302);
    expect(new Set(r.data?.nb.edges.map((e) => e.node.space))).toEqual(new Set(['NASBENCH_101']));
    expect(r.data?.mnas.totalCount).toBe(N);
    const byHash = new Map(r.data?.mnas.edges.map((e) => [e.node.hash, e.node]));
    specs.forEach((spec, i) => {
      const node = byHash.get(spec.hash());
      expect(node?.encoding).toBe(spec.encode());
      expect(node?.matrix).toBeNull();
      expect(node?.operations).toBeNull();
      expect(node?.sizeCluster).not.toBeNull();
      if (i === N - 1) {
        expect(node?.groundTruth).toBeNull();
        expect(node?.mnas).toBeNull();
      } else {
        expect(node?.groundTruth).toBeCloseTo(rewardOf(i), 12);
        expect(node?.mnas).toEqual({
          reward: node?.groundTruth,
          targetLatencyMs: 75,
          latencyExponent: -0.07,
        });
      }
    });
  });

  it('keeps size clusters and experiments per space', async () => {
    const r = await gql<{
      nb: { count: number }[];
      mnas: { count: number }[];
      mnasExperiments: { id: string; config: { space: string; resolution: number | null } }[];
      nbExperiments: { id: string }[];
      all: { id: string }[];
    }>(
      t.api.url,
      `{ nb: sizeClusters { count } mnas: sizeClusters(space: MNAS) { count }
         mnasExperiments: experiments(space: MNAS) { id config { space resolution } }
         nbExperiments: experiments(space: NASBENCH_101) { id } all: experiments { id } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.nb.reduce((s, c) => s + c.count, 0)).toBe(10_302);
    expect(r.data?.mnas.reduce((s, c) => s + c.count, 0)).toBe(N);
    expect(r.data?.mnasExperiments).toEqual([
      { id: experiment, config: { space: 'MNAS', resolution: 32 } },
    ]);
    expect(r.data?.nbExperiments.map((e) => e.id)).toEqual([nbExperiment]);
    expect(r.data?.all).toHaveLength(2);
  });

  it('measures a predictor against the MNAS reward within the MNAS space', async () => {
    const r = await gql<{
      metrics: {
        count: number;
        kendallTau: number;
        costPflops: number;
        pqetp: { threshold: number; auroc: number | null }[];
      }[];
    }>(
      t.api.url,
      `query ($predictors: [PredictorInput!]!) {
         metrics(filter: { space: MNAS }, predictors: $predictors) {
           count kendallTau costPflops pqetp { threshold auroc } } }`,
      { predictors: [{ kind: 'NNGP', experiment }] },
    );
    expect(r.errors).toBeUndefined();
    const measured = specs.slice(0, N - 1).map((_, i) => i);
    const expected = kendallTau(measured.map(rewardOf), measured.map(nngpOf));
    expect(r.data?.metrics[0]?.count).toBe(N - 1);
    expect(r.data?.metrics[0]?.kendallTau).toBeCloseTo(expected as number, 12);
    // PQETP thresholds spread over the reward (NAS-Bench-101's accuracies would leave none).
    const thresholds = spreadThresholds(measured.map(rewardOf));
    const pqetp = r.data?.metrics[0]?.pqetp ?? [];
    expect(pqetp.map((p) => p.threshold)).toEqual(thresholds);
    expect(pqetp.every((p) => p.auroc !== null)).toBe(true);
    // Priced at 224×224 with the network's 1280-d pooled features.
    const flops = await sql<{ flops: number }>(
      `SELECT a.flops::float8 AS flops FROM architectures a JOIN mnas_measurements m ON m.module_hash = a.hash`,
    );
    const config = { nTrain: 20, nVal: 20, ensemble: 2, width: 1280 };
    const cost = flops.reduce((sum, r) => sum + nngpFlops(config, r.flops), 0) / 1e15;
    expect(r.data?.metrics[0]?.costPflops).toBeCloseTo(cost, 9);
    // NAS-Bench-101's ground truth has none of these networks.
    const nb = await gql<{ metrics: { count: number }[] }>(
      t.api.url,
      `query ($predictors: [PredictorInput!]!) { metrics(predictors: $predictors) { count } }`,
      { predictors: [{ kind: 'NNGP', experiment }] },
    );
    expect(nb.data?.metrics[0]?.count).toBe(0);
  });

  it('answers paper Fig. 7 for an MNAS experiment', async () => {
    const r = await gql<{
      fig7: {
        experiment: { name: string };
        networks: number;
        k: number;
        measuredOnly: number;
        nngpOnly: number;
        reward: { targetLatencyMs: number; exponent: number };
        selections: {
          name: string;
          networks: { hash: string; reward: number; finalAccuracy: number | null }[];
          bestFinal: number | null;
          missingFinal: number;
        }[];
        nngpVsReward: { kendallTau: number; kendallTauInterval: { low: number; high: number } };
      };
    }>(
      t.api.url,
      `query ($experiment: ID!) { fig7(experiment: $experiment, k: 3) {
         experiment { name } networks k measuredOnly nngpOnly reward { targetLatencyMs exponent }
         selections { name networks { hash reward finalAccuracy } bestFinal missingFinal }
         nngpVsReward { kendallTau kendallTauInterval { low high } } } }`,
      { experiment },
    );
    expect(r.errors).toBeUndefined();
    const fig7 = r.data?.fig7;
    expect(fig7?.experiment.name).toBe('mnas api');
    expect([fig7?.networks, fig7?.k, fig7?.measuredOnly, fig7?.nngpOnly]).toEqual([N - 1, 3, 0, 1]);
    expect(fig7?.reward).toEqual({ targetLatencyMs: 75, exponent: -0.07 });
    const measured = specs.slice(0, N - 1).map((_, i) => i);
    const top = (score: (i: number) => number) =>
      [...measured].sort((a, b) => score(b) - score(a)).slice(0, 3);
    const by = Object.fromEntries(fig7?.selections.map((s) => [s.name, s]) ?? []);
    expect(by.NNGP?.networks.map((n) => n.hash)).toEqual(top(nngpOf).map((i) => specs[i]?.hash()));
    expect(by.REWARD?.networks.map((n) => n.hash)).toEqual(
      top(rewardOf).map((i) => specs[i]?.hash()),
    );
    expect(by.REWARD?.networks.map((n) => n.finalAccuracy)).toEqual(top(rewardOf).map(finalOf));
    expect(by.RANDOM?.networks).toHaveLength(3);
    const expectedTau = kendallTau(measured.map(rewardOf), measured.map(nngpOf)) as number;
    expect(fig7?.nngpVsReward.kendallTau).toBeCloseTo(expectedTau, 12);
    expect(fig7?.nngpVsReward.kendallTauInterval.low).toBeLessThanOrEqual(expectedTau);
  });

  it('accepts the dashboard’s Fig. 7 and MNAS listing documents within the limits', async () => {
    for (const [query, variables] of [
      [documents.FIG7.toString(), { experiment, k: 10 }],
      [
        documents.ARCHITECTURES.toString(),
        { filter: { space: 'MNAS' }, first: 500, experiment, withNngp: true },
      ],
      [documents.SIZE_CLUSTERS.toString(), { space: 'MNAS' }],
    ] as const) {
      const r = await gql(t.api.url, query, variables);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(measureRequest(query, variables).complexity).toBeLessThanOrEqual(MAX_COMPLEXITY / 2);
    }
  });

  it('ranks Fig. 7 by another reward when asked, keeping the imported w', async () => {
    const r = await gql<{
      fig7: {
        reward: { targetLatencyMs: number; exponent: number };
        selections: { name: string; networks: { hash: string; reward: number }[] }[];
      };
    }>(
      t.api.url,
      `query ($e: ID!) { fig7(experiment: $e, k: 3, reward: { targetLatencyMs: 60 }) {
         reward { targetLatencyMs exponent } selections { name networks { hash reward } } } }`,
      { e: experiment },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.fig7.reward).toEqual({ targetLatencyMs: 60, exponent: -0.07 });
    const top = r.data?.fig7.selections.find((s) => s.name === 'REWARD')?.networks ?? [];
    for (const n of top) {
      const i = specs.findIndex((s) => s.hash() === n.hash);
      expect(n.reward).toBeCloseTo(
        mnasReward(accuracy5Of(i), latencyOf(i), { targetLatencyMs: 60 }),
        12,
      );
    }
  });

  it('refuses Fig. 7 of a NAS-Bench-101 experiment, naming it', async () => {
    const r = await gql(t.api.url, `query ($e: ID!) { fig7(experiment: $e) { networks } }`, {
      e: nbExperiment,
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain(`experiment ${nbExperiment} is a NAS-Bench-101`);
  });

  it('exports MNAS networks with their encoding and the reward as ground truth', async () => {
    const rows = parseCsv(
      await (await fetch(exportUrl(t.api, { filter: '{"space":"MNAS"}' }))).text(),
    );
    expect(rows).toHaveLength(N);
    const first = rows.find((row) => row.hash === specs[1]?.hash());
    expect(first?.operations).toBe(specs[1]?.encode());
    expect(first?.matrix).toBe('');
    expect(Number(first?.ground_truth)).toBeCloseTo(rewardOf(1), 12);
    // The dashboard's shorthand says the same; a contradicting filter is refused by name.
    const shorthand = parseCsv(await (await fetch(exportUrl(t.api, { space: 'mnas' }))).text());
    expect(shorthand).toEqual(rows);
    const contradiction = await fetch(
      exportUrl(t.api, { space: 'mnas', filter: '{"space":"NASBENCH_101"}' }),
    );
    expect(contradiction.status).toBe(400);
    expect(await contradiction.json()).toMatchObject({ argument: 'space' });
    const unknown = await fetch(exportUrl(t.api, { space: 'darts' }));
    expect(((await unknown.json()) as { error: string }).error).toContain('darts');
  });
});
