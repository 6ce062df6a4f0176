import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNngp } from '../../compute/test/support/cli.ts';
import {
  exportUrl,
  gql,
  parseCsv,
  prepareFullSpace,
  startTestApi,
  type TestApi,
} from './support.ts';

/** The API over all 423,624 modules, the record fixture and both proxy CSVs (about a minute). */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  await prepareFullSpace(t.database);
}, 900_000);
afterAll(() => t?.close());

const SPACE = 423_624;

const total = async (filter: Record<string, unknown>) => {
  const r = await gql<{ architectures: { totalCount: number } }>(
    t.api.url,
    'query ($filter: ArchitectureFilter) { architectures(filter: $filter, first: 0) { totalCount } }',
    { filter },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.architectures.totalCount;
};

interface Cluster {
  id: number;
  count: number;
  minParameters: number;
  maxParameters: number;
}

async function clusters(): Promise<Cluster[]> {
  const r = await gql<{ sizeClusters: Cluster[] }>(
    t.api.url,
    '{ sizeClusters { id count minParameters maxParameters } }',
  );
  expect(r.errors).toBeUndefined();
  return r.data?.sizeClusters ?? [];
}

describe('the full search space through the API', () => {
  it('counts every architecture', async () => {
    const [row] = await sqlRows<{ n: number }>('SELECT count(*)::int AS n FROM architectures');
    expect(row?.n).toBe(SPACE);
    expect(await total({})).toBe(SPACE);
  });

  it('counts each default size cluster as SQL does by parameter range', async () => {
    const found = await clusters();
    expect(found.map((c) => c.id)).toEqual([0, 1, 2, 3, 4]);
    for (const c of found) {
      const [row] = await sqlRows<{ n: number }>(
        'SELECT count(*)::int AS n FROM architectures WHERE trainable_parameters BETWEEN $1 AND $2',
        [c.minParameters, c.maxParameters],
      );
      expect(row?.n).toBeGreaterThan(0);
      expect(c.count).toBe(row?.n);
      expect(await total({ sizeClusters: [c.id] })).toBe(row?.n);
    }
    expect(found.reduce((sum, c) => sum + c.count, 0)).toBe(SPACE);
  });

  it('counts each residual-connection count as a SQL group-by does', async () => {
    const rows = await sqlRows<{ r: number; n: number }>(
      'SELECT residual_connections AS r, count(*)::int AS n FROM architectures GROUP BY 1 ORDER BY 1',
    );
    const max = Math.max(...rows.map((r) => r.r));
    expect(max).toBeGreaterThan(3);
    for (let r = 0; r <= max; r++) {
      const expected = rows.find((row) => row.r === r)?.n ?? 0;
      expect(await total({ residualConnections: { min: r, max: r } })).toBe(expected);
    }
  });

  it('combines cluster, residual range and ground truth as SQL does', async () => {
    const [largest] = (await clusters()).sort((a, b) => b.count - a.count);
    const cluster = largest as Cluster;
    const [row] = await sqlRows<{ truth: number; noTruth: number }>(
      `SELECT count(*) FILTER (WHERE g.truth)::int AS truth,
              count(*) FILTER (WHERE NOT g.truth)::int AS "noTruth"
         FROM architectures a,
              LATERAL (SELECT EXISTS (SELECT 1 FROM training_records t
                                       WHERE t.module_hash = a.hash AND t.epochs = 108) AS truth) g
        WHERE trainable_parameters BETWEEN $1 AND $2 AND residual_connections BETWEEN 1 AND 3`,
      [cluster.minParameters, cluster.maxParameters],
    );
    expect(row?.truth).toBeGreaterThan(0);
    expect(row?.noTruth).toBeGreaterThan(0);
    for (const hasGroundTruth of [true, false]) {
      expect(
        await total({
          sizeClusters: [cluster.id],
          residualConnections: { min: 1, max: 3 },
          hasGroundTruth,
        }),
      ).toBe(hasGroundTruth ? row?.truth : row?.noTruth);
    }
  });

  it('streams a cluster as CSV, as many rows as the cluster counts', async () => {
    // The smallest cluster above one batch (2,000 rows), so keyset paging is exercised.
    const cluster = (await clusters())
      .filter((c) => c.count > 2000)
      .sort((a, b) => a.count - b.count)[0] as Cluster;
    const response = await fetch(exportUrl(t.api, { sizeClusters: String(cluster.id) }));
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    expect(rows.length).toBe(cluster.count);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(cluster.count);
    expect(rows.every((r) => r.size_cluster === String(cluster.id))).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['proxy_zen_score', 'proxy_synflow', 'ground_truth']),
    );
  });

  it('stops querying when the client of a full export disconnects', async () => {
    const controller = new AbortController();
    const response = await fetch(exportUrl(t.api), { signal: controller.signal });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    t.queries.reset();
    controller.abort();
    // Wait until the server has noticed and gone quiet (no assertion on how long it takes).
    let seen = -1;
    while (seen !== t.queries.count) {
      seen = t.queries.count;
      await sleep(500);
    }
    // All 423,624 rows would take 212 pages of four queries; the export stops within a few.
    expect(t.queries.count).toBeLessThan(40);
  });
});

interface Metrics {
  predictor: string;
  count: number;
  kendallTau: number | null;
  pearson: number | null;
  pqetp: { threshold: number; auroc: number | null }[];
  discovered: { mean: number; standardError: number | null } | null;
}

interface CliEvaluation {
  n: number;
  kendallTau: number | null;
  pearson: number | null;
  pqetp: { threshold: number; auroc: number | null }[];
  discovered: { mean: number; standardError: number | null };
}

const METRICS = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $subsets: SubsetsInput) {
  metrics(filter: $filter, predictors: $predictors, subsets: $subsets) {
    predictor count kendallTau pearson pqetp { threshold auroc } discovered { mean standardError }
  }
}`;

/** Each predictor with the SQL of its values (`module_hash`, `value`) over the whole space. */
const PREDICTORS: { input: Record<string, unknown>; sql: string; values: unknown[] }[] = [
  {
    input: { kind: 'TRAINING', epochs: 4 },
    sql: `SELECT module_hash, avg(final_validation_accuracy) AS value FROM training_records
           WHERE epochs = $1 AND final_validation_accuracy IS NOT NULL GROUP BY module_hash`,
    values: [4],
  },
  {
    input: { kind: 'TRAINING', epochs: 36, repeat: 0 },
    sql: `SELECT module_hash, final_validation_accuracy AS value FROM training_records
           WHERE epochs = $1 AND repeat = 0 AND final_validation_accuracy IS NOT NULL`,
    values: [36],
  },
  {
    input: { kind: 'MODEL_SIZE' },
    sql: 'SELECT hash AS module_hash, trainable_parameters AS value FROM architectures',
    values: [],
  },
  {
    input: { kind: 'PROXY', proxy: 'zen_score' },
    sql: `SELECT module_hash, value FROM proxy_scores
           WHERE proxy = $1 AND value IS NOT NULL AND value NOT IN ('NaN', 'Infinity', '-Infinity')`,
    values: ['zen_score'],
  },
];

/** `nngp metrics --json` on the truth and predictor values of the architectures having both. */
async function cliMetrics(
  predictor: (typeof PREDICTORS)[number],
  label: string,
  cluster: number | null,
  subsets: Record<string, number> | undefined,
): Promise<CliEvaluation> {
  const n = predictor.values.length;
  const rows = await sqlRows<{ truth: number; value: number }>(
    `SELECT g.truth, p.value::float8 AS value
       FROM (SELECT module_hash, avg(final_validation_accuracy) AS truth FROM training_records
              WHERE epochs = 108 AND final_validation_accuracy IS NOT NULL GROUP BY module_hash) g
       JOIN (${predictor.sql}) p ON p.module_hash = g.module_hash
       JOIN architectures a ON a.hash = g.module_hash
      WHERE $${n + 1}::int IS NULL OR a.size_cluster = $${n + 1}
      ORDER BY g.module_hash`,
    [...predictor.values, cluster],
  );
  const input = {
    truth: rows.map((r) => r.truth),
    predictors: { [label]: rows.map((r) => r.value) },
    ...(subsets === undefined ? {} : { subsets }),
  };
  const run = await runNngp(['metrics', '--json'], {
    env: process.env,
    stdin: JSON.stringify(input),
  });
  expect(run.code, run.stderr).toBe(0);
  const evaluation = (JSON.parse(run.stdout) as Record<string, CliEvaluation>)[label];
  if (evaluation === undefined) throw new Error(`nngp metrics gave no ${label}`);
  return evaluation;
}

function expectSameMetrics(api: Metrics, cli: CliEvaluation): void {
  const close = (a: number | null | undefined, b: number | null | undefined) => {
    expect(a === null || a === undefined).toBe(b === null || b === undefined);
    if (a != null && b != null) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12);
  };
  expect(api.count).toBe(cli.n);
  close(api.kendallTau, cli.kendallTau);
  close(api.pearson, cli.pearson);
  expect(api.pqetp.map((q) => q.threshold)).toEqual(cli.pqetp.map((q) => q.threshold));
  api.pqetp.forEach((q, i) => {
    close(q.auroc, cli.pqetp[i]?.auroc);
  });
  close(api.discovered?.mean, cli.discovered.mean);
  close(api.discovered?.standardError, cli.discovered.standardError);
}

describe('metrics over the full space equal `nngp metrics --json` on the same data', () => {
  it.each([
    ['the whole space (paper defaults)', null, undefined],
    ['the size cluster with most ground truth', 'largest', { count: 5, size: 1000, seed: 3 }],
  ] as const)('over %s', async (_, scope, subsets) => {
    let cluster: number | null = null;
    if (scope === 'largest') {
      const [row] = await sqlRows<{ id: number }>(
        `SELECT a.size_cluster AS id FROM architectures a
           JOIN training_records t ON t.module_hash = a.hash AND t.epochs = 108
          GROUP BY 1 ORDER BY count(DISTINCT a.hash) DESC LIMIT 1`,
      );
      cluster = row?.id as number;
    }
    const r = await gql<{ metrics: Metrics[] }>(t.api.url, METRICS, {
      filter: cluster === null ? null : { sizeClusters: [cluster] },
      predictors: PREDICTORS.map((p) => p.input),
      subsets: subsets ?? null,
    });
    expect(r.errors).toBeUndefined();
    const results = r.data?.metrics ?? [];
    expect(results.length).toBe(PREDICTORS.length);
    for (const [i, predictor] of PREDICTORS.entries()) {
      const api = results[i] as Metrics;
      expect(api.count).toBeGreaterThan(1000);
      expectSameMetrics(api, await cliMetrics(predictor, api.predictor, cluster, subsets));
    }
  });
});

async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const result = await t.database.pool.query(text, values);
  return result.rows as R[];
}
