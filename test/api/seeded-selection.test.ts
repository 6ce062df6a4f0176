import { sampleSpecs } from '@nngp-nas/compute/nasbench';
import {
  architectureRow,
  refreshSizeClusters,
  upsertArchitectures,
} from '@nngp-nas/compute/nasbench/store';
import { selectArchitectures } from '@nngp-nas/compute/nngp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNngp } from '../../compute/test/support/cli.ts';
import { CIFAR_SUBSET, gql, startTestApi, type TestApi } from './support.ts';

const TOKEN = 'seeded-selection-token-0123456789';

// The record fixture (10,302 modules, all with ground truth) plus 300 sampled modules, most
// without: `hasGroundTruth` then separates something.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ fixture: true, apiToken: TOKEN });
  const sampled = sampleSpecs(300, 11);
  await upsertArchitectures(
    t.database.pool,
    sampled.map((s) => architectureRow(s.hash(), s.matrix, s.ops)),
  );
  await refreshSizeClusters(t.database.pool);
});
afterAll(() => t?.close());

const FILTER = {
  hasGroundTruth: true,
  sizeClusters: [0],
  residualConnections: { min: 0, max: 2 },
};
/** FILTER in SQL, written out independently of architectureWhere. */
const FILTER_SQL = `size_cluster = 0 AND residual_connections BETWEEN 0 AND 2
  AND EXISTS (SELECT 1 FROM training_records r WHERE r.module_hash = a.hash AND r.epochs = 108)`;

const sqlHashes = async (where: string, order: string, limit?: number): Promise<string[]> =>
  (
    await t.database.pool.query<{ hash: string }>(
      `SELECT hash FROM architectures a WHERE ${where} ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`}`,
    )
  ).rows.map((r) => r.hash);

const select = async (seed: number, limit?: number, filter: object = FILTER) =>
  (await selectArchitectures(t.database, `filter:${JSON.stringify(filter)}`, seed, { limit })).map(
    (c) => c.hash,
  );

describe('nngp evaluate --archs filter:JSON', () => {
  it('selects exactly the architectures matching the filter', async () => {
    const all = await select(0);
    const expected = await sqlHashes(FILTER_SQL, 'hash');
    expect(expected.length).toBeGreaterThan(20);
    expect([...all].sort()).toEqual(expected);
    const withoutTruth = await select(0, undefined, { hasGroundTruth: false });
    expect(withoutTruth.length).toBeGreaterThan(0);
    expect(withoutTruth).toEqual(
      await sqlHashes(
        'NOT EXISTS (SELECT 1 FROM training_records r WHERE r.module_hash = a.hash AND r.epochs = 108)',
        `md5('0' || hash), hash`,
      ),
    );
  });

  it('takes the first --limit in the seeded order md5(seed || hash), reproducibly', async () => {
    const first = await select(7, 10);
    expect(first).toEqual(await sqlHashes(FILTER_SQL, `md5('7' || hash), hash`, 10));
    expect(await select(7, 10)).toEqual(first);
    expect(await select(8, 10)).not.toEqual(first);
    // A larger limit extends the same order.
    expect((await select(7, 15)).slice(0, 10)).toEqual(first);
  });

  it('refuses bad filters with a message naming the field', async () => {
    await expect(select(0, 5, { residualConnections: { min: 3, max: 1 } })).rejects.toThrow(
      /residualConnections: min 3 is greater than max 1/,
    );
    await expect(select(0, 5, { colour: 'red' })).rejects.toThrow(/filter:.*colour/);
    await expect(select(0, 5, { sizeClusters: 'zero' })).rejects.toThrow(/sizeClusters/);
    // MNAS networks are evaluated by `nngp mnas evaluate`, not as cells.
    await expect(select(0, 5, { space: 'MNAS' })).rejects.toThrow(/nngp mnas evaluate/);
    await expect(select(0, 5, { space: 'darts' })).rejects.toThrow(/space/);
    await expect(select(0, 0)).rejects.toThrow(/--limit must be a positive integer/);
    await expect(selectArchitectures(t.database, 'sample:3', 0, { limit: 2 })).rejects.toThrow(
      /--limit applies only to --archs filter/,
    );
  });

  it('evaluates the first --limit of the seeded order from the command line; bad input exits 2', async () => {
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const tiny = ['--train', '20', '--val', '20', '--ensemble', '1', '--stem-channels', '8'];
    const shape = ['--stacks', '1', '--modules-per-stack', '1', '--workers', '1'];
    const run = await runNngp(
      [
        'evaluate',
        '--archs',
        `filter:${JSON.stringify(FILTER)}`,
        '--limit',
        '2',
        '--seed',
        '5',
        ...tiny,
        ...shape,
        '--dataset',
        CIFAR_SUBSET,
        '--retention',
        'none',
        '--experiment',
        'seeded-cli',
        '--json',
      ],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { results: { hash: string }[] };
    expect(output.results.map((r) => r.hash).sort()).toEqual(
      (await sqlHashes(FILTER_SQL, `md5('5' || hash), hash`, 2)).sort(),
    );

    const bad = await runNngp(
      ['evaluate', '--archs', 'filter:{"residualConnections":{"min":3,"max":1}}', ...tiny],
      { env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/residualConnections: min 3 is greater than max 1/);
  }, 120_000);
});

const ENQUEUE = `mutation ($experiment: ID!, $filter: ArchitectureFilter, $limit: Int, $seed: Int) {
  enqueueEvaluations(experiment: $experiment, filter: $filter, limit: $limit, seed: $seed) {
    enqueued
  }
}`;

describe('enqueueEvaluations(seed:)', () => {
  const newExperiment = async (name: string) => {
    const r = await gql<{ createExperiment: { id: string } }>(
      t.api.url,
      'mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { id } }',
      { input: { name, nTrain: 20, nVal: 20, stemChannels: 8, stacks: 1 } },
      { token: TOKEN },
    );
    expect(r.errors).toBeUndefined();
    return r.data?.createExperiment.id as string;
  };
  const queued = async (id: string) =>
    (
      await t.database.pool.query<{ key: string }>(
        'SELECT key FROM graphile_worker.jobs WHERE key LIKE $1 ORDER BY key',
        [`nngp:${id}:%`],
      )
    ).rows.map((r) => r.key.slice(`nngp:${id}:`.length));

  it('queues the same architectures as nngp evaluate --archs filter: --seed --limit', async () => {
    const id = await newExperiment('seeded enqueue');
    const r = await gql<{ enqueueEvaluations: { enqueued: number } }>(
      t.api.url,
      ENQUEUE,
      { experiment: id, filter: FILTER, limit: 12, seed: 3 },
      { token: TOKEN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.enqueueEvaluations.enqueued).toBe(12);
    expect(await queued(id)).toEqual([...(await select(3, 12))].sort());
    expect(await queued(id)).toEqual(
      (await sqlHashes(FILTER_SQL, `md5('3' || hash), hash`, 12)).sort(),
    );
  });

  it('without seed still takes the first by hash', async () => {
    const id = await newExperiment('unseeded enqueue');
    const r = await gql<{ enqueueEvaluations: { enqueued: number } }>(
      t.api.url,
      ENQUEUE,
      { experiment: id, filter: FILTER, limit: 12 },
      { token: TOKEN },
    );
    expect(r.errors).toBeUndefined();
    expect(await queued(id)).toEqual(await sqlHashes(FILTER_SQL, 'hash', 12));
  });
});
