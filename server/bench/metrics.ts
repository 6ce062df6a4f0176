/**
 * Speed of the analysis queries over the full search space, through the HTTP API as a notebook
 * calls it: `pnpm exec tsx server/bench/metrics.ts [--reuse] [--runs N] [--json]`.
 *
 * Prepares a database as `pnpm start` does (all 423,624 modules, the NAS-Bench-101 records and
 * the proxy CSVs; about 45 s the first time): a scratch database by default (embedded, or on
 * NNGP_TEST_DATABASE_URL), or with `--reuse` the project's own (DATABASE_URL or `.data/`), which
 * is prepared idempotently and kept. For each query it prints the median of N runs cold (the
 * analysis cache dropped first by bumping `data_version`, as any data change does) and warm
 * (answered from the cache; three per cold run). Figures go to stderr; `--json` prints them on
 * stdout too ({ timings, poolOverheadMs }). First it times the analysis worker pool: the round trip
 * of a negligible task, what running an analysis off the event loop adds to each of its tasks.
 */
import { prepareDatabase } from '@nngp-nas/compute/nasbench';
import { type Database, openDatabase } from '@nngp-nas/db';
import { createTestDatabase } from '@nngp-nas/db/testing';
import { budgetFrom } from '../src/compute-pool/budget.ts';
import { AnalysisPool } from '../src/compute-pool/pool.ts';
import { createApiServer } from '../src/index.ts';

interface BenchQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

interface Timing {
  name: string;
  coldMs: number;
  warmMs: number;
  runs: number;
}

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
/** Cached answers timed after each cold one. */
const WARM_PER_COLD = 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

const PREDICTORS = [
  { kind: 'TRAINING', epochs: 4 },
  { kind: 'TRAINING', epochs: 12 },
  { kind: 'TRAINING', epochs: 36 },
  { kind: 'MODEL_SIZE' },
  { kind: 'PROXY', proxy: 'zen_score' },
];
const METRICS = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
  metrics(filter: $filter, predictors: $predictors) {
    predictor count kendallTau pearson pqetp { threshold auroc } discovered { mean standardError } costPflops
  }
}`;
const SCATTER = `query ($filter: ArchitectureFilter, $x: PredictorInput!) {
  scatter(filter: $filter, x: $x) { total sampled points { hash x y } }
}`;
const HISTOGRAM = `query ($filter: ArchitectureFilter) {
  parameterHistogram(filter: $filter) { min max count }
}`;
const RESIDUAL_BIAS = `query ($filter: ArchitectureFilter) {
  residualBias(filter: $filter) { residualConnections architectures percentiles { predictor meanPercentile } }
}`;

function queriesOver(scope: string, filter: Record<string, unknown> | null): BenchQuery[] {
  return [
    {
      name: `metrics (5 predictors), ${scope}`,
      query: METRICS,
      variables: { filter, predictors: PREDICTORS },
    },
    {
      name: `scatter model size vs truth, ${scope}`,
      query: SCATTER,
      variables: { filter, x: { kind: 'MODEL_SIZE' } },
    },
    { name: `parameterHistogram, ${scope}`, query: HISTOGRAM, variables: { filter } },
    { name: `residualBias (4/12/36/108), ${scope}`, query: RESIDUAL_BIAS, variables: { filter } },
  ];
}

async function post(url: string, q: BenchQuery): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`${q.name}: ${body.errors[0]?.message}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Any data change bumps the version; doing it directly drops the cache without changing data. */
async function dropCache(database: Database): Promise<void> {
  await database.pool.query('UPDATE data_version SET version = version + 1 WHERE id = 1');
}

async function time(database: Database, url: string, q: BenchQuery): Promise<Timing> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    await dropCache(database);
    cold.push(await post(url, q));
    for (let w = 0; w < WARM_PER_COLD; w++) warm.push(await post(url, q));
  }
  return { name: q.name, coldMs: median(cold), warmMs: median(warm), runs };
}

/**
 * What moving an analysis off the event loop costs: the mean round trip through a one-worker
 * pool of an `evaluate` task whose computation is negligible (10 architectures, one subset),
 * the worker already started (as it is after an API's first analysis).
 */
async function poolOverheadMs(): Promise<number> {
  const n = 10;
  const truth = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + Math.cos(3 * i));
  const options = { subsets: { count: 1, size: n, seed: 0 } };
  const pool = new AnalysisPool({ size: 1, heapMb: 256 });
  const task = () =>
    pool.run(
      'evaluate',
      { label: 'p', truth: truth.slice(), values: values.slice(), options },
      budgetFrom('bench', 60_000),
    );
  try {
    for (let i = 0; i < 50; i++) await task();
    const rounds = 500;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await task();
    return (performance.now() - started) / rounds;
  } finally {
    await pool.close();
  }
}

const overhead = await poolOverheadMs();
log(
  `analysis pool: round trip of a negligible task (overhead per analysis task)  ${overhead.toFixed(2)} ms`,
);

const database = argv.includes('--reuse')
  ? await openDatabase({ log })
  : await createTestDatabase({ log });
try {
  const prepared = performance.now();
  const stats = await prepareDatabase(database, { log });
  log(
    `prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s: ${JSON.stringify(stats)}`,
  );
  // Planner statistics, as autovacuum leaves them some time after a bulk import (if it is on).
  await database.pool.query('ANALYZE');
  const { rows } = await database.pool.query<{ id: number; n: string }>(
    `SELECT a.size_cluster AS id, count(*) AS n FROM architectures a
      WHERE a.size_cluster IS NOT NULL
        AND EXISTS (SELECT 1 FROM training_records r WHERE r.module_hash = a.hash AND r.epochs = 108)
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  const cluster = rows[0]?.id ?? 0;
  const api = await createApiServer({ database, port: 0, development: false });
  try {
    const timings: Timing[] = [];
    for (const q of [
      ...queriesOver('whole space', null),
      ...queriesOver(`size cluster ${cluster}`, { sizeClusters: [cluster] }),
    ]) {
      const t = await time(database, api.url, q);
      timings.push(t);
      log(
        `${t.name.padEnd(52)} cold ${t.coldMs.toFixed(0).padStart(6)} ms   warm ${t.warmMs.toFixed(1).padStart(6)} ms   (median of ${t.runs})`,
      );
    }
    if (argv.includes('--json'))
      process.stdout.write(`${JSON.stringify({ timings, poolOverheadMs: overhead })}\n`);
  } finally {
    await api.stop();
  }
} finally {
  await database.close();
}
