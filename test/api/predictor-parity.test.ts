import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nngp-nas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProxyCsv, importRecordFile } from '../../compute/src/nasbench/index.ts';
import type {
  EvaluationReport,
  PredictorComparison,
  TrainingRepeat,
} from '../../compute/src/predictors/index.ts';
import { runNngp } from '../../compute/test/support/cli.ts';
import { storeExperimentRow } from '../../compute/test/support/experiment-row.ts';
import { FIXTURE, ZEN_CSV } from '../../compute/test/support/fixtures.ts';
import { type ApiServer, createApiServer } from '../../server/src/index.ts';
import { gql } from './support.ts';
import { writeThreeRepeatFixture } from './three-repeat-fixture.ts';

/*
 * `nngp compare --json` and the API's `metrics` read every predictor through compute/predictors:
 * on the same database they must give the same numbers, bit for bit, for each repeat choice.
 */

type Repeat = TrainingRepeat;

/** What both sides report of one predictor, in the API's field names. */
interface Reported extends EvaluationReport {
  predictor: string;
  repeat: Repeat | null;
  costPflops: number | null;
  trainingRuns: number | null;
}

const QUERY = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
  metrics(filter: $filter, predictors: $predictors) {
    predictor repeat count kendallTau pearson pqetp { threshold auroc }
    discovered { mean standardError topK subsetSize } costPflops trainingRuns
  }
}`;

/** A served scratch database. */
interface Served {
  database: TestDatabase;
  api: ApiServer;
  experiment: string;
}

async function serve(records: string, proxies: string): Promise<Served> {
  const database = await createTestDatabase();
  await importRecordFile(database, records);
  await importProxyCsv(database, proxies);
  const experiment = await storeSyntheticNngp(database);
  const api = await createApiServer({ database, port: 0, development: false });
  return { database, api, experiment };
}

/**
 * An experiment with NNGP accuracies for the first 500 architectures with ground truth (by
 * hash): synthetic values derived from the hash, not NNGP runs; the loader reads them as it
 * reads real results.
 */
async function storeSyntheticNngp(database: TestDatabase): Promise<string> {
  const id = await storeExperimentRow(database.pool, 'synthetic');
  await database.pool.query(
    `INSERT INTO nngp_results (experiment_id, module_hash, n_train, n_val, ensemble, accuracy,
                               accuracies, regularizers, engine, backend, seconds, flops)
     SELECT $1, h, 100, 200, 2, 0.1 + 0.3 * ('x' || substr(h, 1, 7))::bit(28)::int / 268435456.0,
            ARRAY[0.1], ARRAY[1e-3], 'tfjs', 'cpu', 1, 1
       FROM (SELECT DISTINCT module_hash AS h FROM training_records WHERE epochs = 108
              ORDER BY 1 LIMIT 500) t`,
    [id],
  );
  return String(id);
}

function predictorsFor(repeat: Repeat, experiment: string) {
  return [
    ...[4, 12, 36].map((epochs) => ({ kind: 'TRAINING', epochs, repeat })),
    { kind: 'MODEL_SIZE' },
    { kind: 'PROXY', proxy: 'zen_score' },
    { kind: 'NNGP', experiment },
  ];
}

/** The same slice both ways: the API's `filter` and the CLI's flags. */
interface Slice {
  filter?: Record<string, unknown>;
  flags?: string[];
}

async function viaApi(served: Served, repeat: Repeat, slice: Slice = {}) {
  return gql<{ metrics: Reported[] }>(served.api.url, QUERY, {
    filter: slice.filter ?? null,
    predictors: predictorsFor(repeat, served.experiment),
  });
}

async function viaCli(served: Served, repeat: Repeat, slice: Slice = {}) {
  const args = ['compare', '--json', '--resamples', '1', '--repeat', String(repeat)];
  return runNngp([...args, ...(slice.flags ?? [])], {
    env: { ...process.env, DATABASE_URL: served.database.url },
  });
}

/** The CLI's report in the API's field names (its bootstrap intervals and notes left aside). */
function asReported(p: PredictorComparison): Reported {
  return {
    predictor: p.name,
    repeat: p.repeat,
    count: p.n,
    kendallTau: p.kendallTau,
    pearson: p.pearson,
    pqetp: p.pqetp,
    discovered: p.discovered,
    costPflops: p.costPflops,
    trainingRuns: p.trainingRuns,
  };
}

async function expectSameNumbers(
  served: Served,
  repeat: Repeat,
  slice: Slice = {},
): Promise<Reported[]> {
  const [api, cli] = await Promise.all([
    viaApi(served, repeat, slice),
    viaCli(served, repeat, slice),
  ]);
  expect(api.errors).toBeUndefined();
  expect(cli.code, cli.stderr).toBe(0);
  const fromCli = (JSON.parse(cli.stdout).predictors as PredictorComparison[]).map(asReported);
  const fromApi = api.data?.metrics ?? [];
  expect(fromApi).toHaveLength(6);
  expect(fromCli).toEqual(fromApi);
  return fromApi;
}

describe('nngp compare and the API metrics on the shared fixture (one repeat below 108 epochs)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(FIXTURE, ZEN_CSV);
  }, 180_000);
  afterAll(async () => {
    await served?.api.stop();
    await served?.database.close();
  });

  it.each([0, 'mean'] as const)(
    'agree exactly for repeat %s',
    async (repeat) => {
      const reported = await expectSameNumbers(served, repeat);
      const [e4] = reported;
      expect(e4?.predictor).toBe(repeat === 'mean' ? 'epochs 4 mean' : 'epochs 4 repeat 0');
      expect(e4?.repeat).toBe(repeat);
      expect(e4?.count).toBe(10_250);
      // The fixture has one 4-epoch run per module: the mean is that run, charged once.
      expect(e4?.trainingRuns).toBe(10_250);
      expect(reported.at(-1)?.count).toBe(500);
    },
    120_000,
  );

  it('agree exactly within a filter (residual range, experiment membership)', async () => {
    const reported = await expectSameNumbers(served, 0, {
      filter: { residualConnections: { min: 1, max: 3 }, experiment: served.experiment },
      flags: ['--residuals', '1-3', '--experiment', served.experiment],
    });
    const count = reported[0]?.count as number;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(500);
    expect(reported.at(-1)?.count).toBe(count);
  }, 120_000);

  it.each([1, 2] as const)(
    'both refuse repeat %s, which the fixture lacks',
    async (repeat) => {
      const [api, cli] = await Promise.all([viaApi(served, repeat), viaCli(served, repeat)]);
      expect(api.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'predictors',
        field: 'repeat',
      });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain(`no training records of 4 epochs repeat ${repeat}`);
    },
    120_000,
  );

  it('refuses a repeat that is not 0, 1, 2 or "mean" naming the argument', async () => {
    const r = await gql(served.api.url, QUERY, {
      predictors: [{ kind: 'TRAINING', epochs: 4, repeat: 'all' }],
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'predictors',
      field: 'repeat',
    });
  });
});

describe('nngp compare and the API metrics with three repeats per budget', () => {
  let served: Served;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nngp-three-repeats-'));
    const fixture = await writeThreeRepeatFixture(dir, 200);
    served = await serve(fixture.records, fixture.proxies);
  }, 180_000);
  afterAll(async () => {
    await served?.api.stop();
    await served?.database.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const reports = new Map<Repeat, Reported[]>();
  it.each([0, 1, 2, 'mean'] as const)(
    'agree exactly for repeat %s',
    async (repeat) => {
      const reported = await expectSameNumbers(served, repeat);
      reports.set(repeat, reported);
      for (const p of reported.slice(0, 3)) {
        expect(p.count).toBe(200);
        expect(p.repeat).toBe(repeat);
      }
    },
    120_000,
  );

  it("has 'mean' differ from repeat 0, at three times its cost", () => {
    const zero = reports.get(0) as Reported[];
    const mean = reports.get('mean') as Reported[];
    for (const i of [0, 1, 2]) {
      const [a, b] = [zero[i] as Reported, mean[i] as Reported];
      expect(b.kendallTau).not.toBe(a.kendallTau);
      expect(b.pearson).not.toBe(a.pearson);
      expect(a.trainingRuns).toBe(200);
      expect(b.trainingRuns).toBe(600);
      expect((b.costPflops as number) / (a.costPflops as number)).toBeCloseTo(3, 12);
    }
    // The repeats differ from one another too (they are distinct runs).
    expect(reports.get(1)?.[0]?.kendallTau).not.toBe(zero[0]?.kendallTau);
    // Predictors without training are the same whatever the repeat.
    expect(mean.slice(3)).toEqual(zero.slice(3));
  });

  it('charges the hybrid one 4-epoch run per repeat it reads', async () => {
    const query = `query ($nngp: NngpConfigInput!, $repeat: TrainingRepeat) {
      hybrid(nngp: $nngp, repeat: $repeat) { metrics { predictor repeat count trainingRuns } }
    }`;
    type Hybrid = { hybrid: { metrics: Omit<Reported, 'kendallTau'> | null } };
    const [zero, mean] = await Promise.all(
      ([0, 'mean'] as const).map((repeat) =>
        gql<Hybrid>(served.api.url, query, { nngp: { experiment: served.experiment }, repeat }),
      ),
    );
    expect(zero?.data?.hybrid.metrics).toEqual({
      predictor: 'hybrid nngp synthetic 100/200/2 + epochs 4 repeat 0',
      repeat: 0,
      count: 200,
      trainingRuns: 200,
    });
    expect(mean?.data?.hybrid.metrics).toEqual({
      predictor: 'hybrid nngp synthetic 100/200/2 + epochs 4 mean',
      repeat: 'mean',
      count: 200,
      trainingRuns: 600,
    });
  });

  it('charges search-space reduction one run per repeat it reads', async () => {
    const query = `query ($nngp: NngpConfigInput!, $repeat: TrainingRepeat) {
      searchSpaceReduction(nngp: $nngp, repeat: $repeat, subsets: { count: 2, size: 100 }) {
        epochs screening costPflops
      }
    }`;
    type Rows = {
      searchSpaceReduction: { epochs: number; screening: string; costPflops: number }[];
    };
    const [zero, mean] = await Promise.all(
      ([0, 'mean'] as const).map((repeat) =>
        gql<Rows>(served.api.url, query, { nngp: { experiment: served.experiment }, repeat }),
      ),
    );
    const unscreened = (r: { data?: Rows | null } | undefined) =>
      (r?.data?.searchSpaceReduction ?? []).filter((row) => row.screening === 'NONE');
    expect(unscreened(zero)).toHaveLength(2);
    expect(unscreened(mean)).toHaveLength(2);
    unscreened(mean).forEach((row, i) => {
      expect(row.costPflops / (unscreened(zero)[i]?.costPflops as number)).toBeCloseTo(3, 12);
    });
  });
});
