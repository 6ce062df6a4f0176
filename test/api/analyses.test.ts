import {
  DEFAULT_TOP_K,
  evaluatePredictor,
  fitHybrid,
  hybridScores,
  modelSizeCorrelation,
  nngpFlops,
  PETA,
  randomSubsets,
  residualBias,
  searchSpaceReduction,
  trainingFlops,
} from '@nngp-nas/compute/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../compute/src/predictors/index.ts';
import { gql, runTinyNngpExperiment, startTestApi, type TestApi } from './support.ts';

/*
 * Every analysis query against compute/metrics run in the test itself on series the test loads
 * with its own SQL. NNGP values come from a real (tiny) NNGP experiment on 30 fixture cells.
 */

let t: TestApi;
let experiment: string;
let tinyHashes: string[];
const NNGP_LABEL = 'nngp tiny 20/20/1';
const HYBRID_LABEL = `hybrid ${NNGP_LABEL} + epochs 4 repeat 0`;
const TOLERANCE = 1e-12;

beforeAll(async () => {
  t = await startTestApi({ fixture: true });
  // 30 cells with every training budget, spread over the fixture (every 300th by hash).
  const rows = await sqlRows<{ hash: string }>(
    `SELECT hash FROM (
       SELECT module_hash AS hash, row_number() OVER (ORDER BY module_hash) AS n
         FROM training_records WHERE final_validation_accuracy IS NOT NULL
        GROUP BY module_hash HAVING count(DISTINCT epochs) = 4) ranked
      WHERE n % 300 = 0 ORDER BY hash LIMIT 30`,
  );
  tinyHashes = rows.map((r) => r.hash);
  experiment = await runTinyNngpExperiment(t.database, tinyHashes, 'tiny');
}, 300_000);
afterAll(() => t?.close());

// ---------------------------------------------------------------- independent series (own SQL)

type Series = Map<string, number>;

async function sqlRows<R>(text: string, values: unknown[] = []): Promise<R[]> {
  return (await t.database.pool.query(text, values)).rows as R[];
}

async function seriesOf(text: string, values: unknown[] = []): Promise<Series> {
  const rows = await sqlRows<{ hash: string; value: number | string }>(text, values);
  return new Map(rows.map((r) => [r.hash, Number(r.value)]));
}

const trainingMean = (epochs: number) =>
  seriesOf(
    `SELECT module_hash AS hash, avg(final_validation_accuracy) AS value FROM training_records
      WHERE epochs = $1 AND final_validation_accuracy IS NOT NULL GROUP BY module_hash`,
    [epochs],
  );
/** Repeat 0 of a budget: what a TRAINING predictor reads by default (DESIGN.md §3). */
const trainingRepeat0 = (epochs: number) =>
  seriesOf(
    `SELECT module_hash AS hash, final_validation_accuracy AS value FROM training_records
      WHERE epochs = $1 AND repeat = 0 AND final_validation_accuracy IS NOT NULL`,
    [epochs],
  );
const truthSeries = () => trainingMean(108);
const nngpSeries = () =>
  seriesOf(
    `SELECT module_hash AS hash, accuracy AS value FROM nngp_results
      WHERE experiment_id = $1 AND n_train = 20 AND n_val = 20 AND ensemble = 1
        AND accuracy IS NOT NULL`,
    [Number(experiment)],
  );
const zenSeries = () =>
  seriesOf(
    `SELECT module_hash AS hash, value FROM proxy_scores
      WHERE proxy = 'zen_score' AND value IS NOT NULL
        AND value NOT IN ('NaN', 'Infinity', '-Infinity')`,
  );
const architectureColumn = (column: 'flops' | 'trainable_parameters' | 'residual_connections') =>
  seriesOf(`SELECT hash, ${column} AS value FROM architectures`);
/** Hashes of the architectures passing a WHERE clause over `architectures`. */
const hashesWhere = async (condition: string, values: unknown[] = []) =>
  new Set(
    (
      await sqlRows<{ hash: string }>(`SELECT hash FROM architectures WHERE ${condition}`, values)
    ).map((r) => r.hash),
  );

/** The 15th smallest parameter count of the experiment's cells: a filter keeping about half. */
async function halfOfTiny(): Promise<number> {
  const rows = await sqlRows<{ p: number }>(
    'SELECT trainable_parameters AS p FROM architectures WHERE hash = ANY($1) ORDER BY 1',
    [tinyHashes],
  );
  return rows[14]?.p as number;
}

/** Hashes present in every series (and in `within`, when given), ascending. */
function common(series: Series[], within?: Set<string>): string[] {
  const [first, ...rest] = series as [Series, ...Series[]];
  return [...first.keys()]
    .filter((h) => rest.every((s) => s.has(h)) && (within === undefined || within.has(h)))
    .sort();
}

const at = (hashes: string[], s: Series) => Float64Array.from(hashes, (h) => s.get(h) as number);

function expectClose(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(TOLERANCE);
}

function expectBadInput(
  response: { errors?: { extensions?: Record<string, unknown> }[] },
  argumentName: string,
): void {
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
}

// --------------------------------------------------------------------------------------- hybrid

interface Metrics extends EvaluationReport {
  predictor: string;
  costPflops: number | null;
  notes: string[];
}
const METRICS_FIELDS =
  'predictor count kendallTau pearson pqetp { threshold auroc } discovered { mean standardError topK subsetSize } costPflops notes';

interface HybridResponse {
  fit: {
    epoch4Coefficient: number;
    nngpCoefficient: number;
    bias: number;
    rSquared: number;
    residualStandardError: number | null;
    count: number;
  } | null;
  metrics: Metrics | null;
  notes: string[];
}

const hybrid = (variables: Record<string, unknown>) =>
  gql<{ hybrid: HybridResponse }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $nngp: NngpConfigInput!, $subsets: SubsetsInput) {
      hybrid(filter: $filter, nngp: $nngp, subsets: $subsets) {
        fit { epoch4Coefficient nngpCoefficient bias rSquared residualStandardError count }
        metrics { ${METRICS_FIELDS} }
        notes
      }
    }`,
    variables,
  );
const metrics = (variables: Record<string, unknown>) =>
  gql<{ metrics: Metrics[] }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!, $subsets: SubsetsInput) {
      metrics(filter: $filter, predictors: $predictors, subsets: $subsets) { ${METRICS_FIELDS} }
    }`,
    variables,
  );

describe('hybrid', () => {
  it('fits 12-epoch accuracy on (4-epoch, NNGP, 1) as compute does, and evaluates the scores', async () => {
    const subsets = { count: 4, size: 20, seed: 2 };
    const r = await hybrid({ nngp: { experiment }, subsets });
    expect(r.errors).toBeUndefined();
    const result = r.data?.hybrid as HybridResponse;

    const [truth, e4, e12, nngp, flops] = await Promise.all([
      truthSeries(),
      trainingRepeat0(4),
      trainingRepeat0(12),
      nngpSeries(),
      architectureColumn('flops'),
    ]);
    const hashes = common([truth, e4, e12, nngp]);
    expect(hashes).toHaveLength(30);
    const fit = fitHybrid(at(hashes, e12), at(hashes, e4), at(hashes, nngp));
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(result.fit?.count).toBe(30);
    expectClose(result.fit?.epoch4Coefficient, fit.coefficients.epoch4);
    expectClose(result.fit?.nngpCoefficient, fit.coefficients.nngp);
    expectClose(result.fit?.bias, fit.coefficients.bias);
    expectClose(result.fit?.rSquared, fit.rSquared);
    expectClose(result.fit?.residualStandardError, fit.residualStandardError);

    const scores = hybridScores(fit, at(hashes, e4), at(hashes, nngp));
    const expected = evaluatePredictor(at(hashes, truth), scores, {
      subsets: randomSubsets(subsets, hashes.length),
    });
    const m = result.metrics as Metrics;
    expect(m.predictor).toBe(HYBRID_LABEL);
    expect(m.count).toBe(30);
    expectClose(m.kendallTau, expected.kendallTau);
    expectClose(m.pearson, expected.pearson);
    expectClose(m.discovered?.mean, expected.discovered.mean);
    expect(m.pqetp.map((q) => q.auroc)).toEqual(expected.pqetp.map((q) => q.auroc));
    // One 4-epoch training run (repeat 0) plus the NNGP evaluation (stem 8, one stack: d = 8).
    const cost = hashes.reduce((sum, h) => {
      const f = flops.get(h) as number;
      return (
        sum + trainingFlops(4, f) + nngpFlops({ nTrain: 20, nVal: 20, ensemble: 1, width: 8 }, f)
      );
    }, 0);
    expectClose((m.costPflops as number) / (cost / PETA), 1);
  });

  it('is the HYBRID predictor of metrics, value for value', async () => {
    const subsets = { count: 3, size: 10, seed: 0 };
    const bound = await halfOfTiny();
    const filter = { trainableParameters: { max: bound } };
    const [viaHybrid, viaMetrics] = await Promise.all([
      hybrid({ nngp: { experiment, nTrain: 20 }, subsets, filter }),
      metrics({ predictors: [{ kind: 'HYBRID', experiment }], subsets, filter }),
    ]);
    expect(viaHybrid.errors).toBeUndefined();
    expect(viaMetrics.errors).toBeUndefined();
    expect(viaHybrid.data?.hybrid.metrics?.count).toBeGreaterThan(3);
    expect(viaMetrics.data?.metrics).toEqual([viaHybrid.data?.hybrid.metrics]);
    const inFilter = await hashesWhere('trainable_parameters <= $1', [bound]);
    const count = tinyHashes.filter((h) => inFilter.has(h)).length;
    expect(count).toBeLessThan(30);
    expect(viaHybrid.data?.hybrid.fit?.count).toBe(count);
  });

  it('gives a null fit and count 0 with a note when fewer than three architectures fit', async () => {
    // The experiment's cells of the smallest parameter count among them: one or two.
    const [smallest] = await sqlRows<{ p: number; n: string }>(
      `SELECT trainable_parameters AS p, count(*) AS n FROM architectures WHERE hash = ANY($1)
        GROUP BY 1 ORDER BY 1 LIMIT 1`,
      [tinyHashes],
    );
    expect(Number(smallest?.n)).toBeLessThan(3);
    const filter = { experiment, trainableParameters: { max: smallest?.p } };
    const r = await hybrid({ nngp: { experiment }, filter });
    expect(r.errors).toBeUndefined();
    expect(r.data?.hybrid).toMatchObject({ fit: null, metrics: null });
    expect(r.data?.hybrid.notes[0]).toContain(
      `fit not determined over ${smallest?.n} architectures`,
    );
    const m = await metrics({ predictors: [{ kind: 'HYBRID', experiment }], filter });
    expect(m.errors).toBeUndefined();
    expect(m.data?.metrics[0]).toMatchObject({ count: 0, kendallTau: null, discovered: null });
    expect(m.data?.metrics[0]?.notes.join(' ')).toContain('fit not determined');
  });
});

// ------------------------------------------------------------------------ search-space reduction

interface Reduction {
  epochs: number;
  screening: 'NONE' | 'NNGP' | 'RANDOM';
  keepPercent: number | null;
  discovered: { mean: number; standardError: number | null; topK: number; subsetSize: number };
  costPflops: number;
}

const reduction = (variables: Record<string, unknown>) =>
  gql<{ searchSpaceReduction: Reduction[] }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $nngp: NngpConfigInput!, $epochs: [Int!],
            $keepPercents: [Float!], $subsets: SubsetsInput) {
      searchSpaceReduction(filter: $filter, nngp: $nngp, epochs: $epochs,
                           keepPercents: $keepPercents, subsets: $subsets) {
        epochs screening keepPercent costPflops
        discovered { mean standardError topK subsetSize }
      }
    }`,
    variables,
  );

async function expectedReduction(
  options: { keepPercents: number[]; subsets: { count: number; size: number; seed: number } },
  within?: Set<string>,
) {
  const [truth, nngp, e12, e36, flops] = await Promise.all([
    truthSeries(),
    nngpSeries(),
    trainingRepeat0(12),
    trainingRepeat0(36),
    architectureColumn('flops'),
  ]);
  const hashes = common([truth, nngp, e12, e36], within);
  return searchSpaceReduction(
    {
      truth: at(hashes, truth),
      nngp: at(hashes, nngp),
      training: { 12: at(hashes, e12), 36: at(hashes, e36) },
      inferenceFlops: at(hashes, flops),
      nngpConfig: { nTrain: 20, nVal: 20, ensemble: 1, width: 8 },
    },
    {
      subsets: randomSubsets(options.subsets, hashes.length),
      keepPercents: options.keepPercents,
      seed: options.subsets.seed,
    },
  );
}

function expectReduction(
  actual: Reduction[],
  expected: Awaited<ReturnType<typeof expectedReduction>>,
  size: number,
) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    const a = actual[i] as Reduction;
    expect(a.epochs).toBe(row.epochs);
    expect(a.screening).toBe(row.screening.toUpperCase());
    expect(a.keepPercent).toBe(row.keepPercent);
    expect(a.discovered.topK).toBe(DEFAULT_TOP_K);
    expect(a.discovered.subsetSize).toBe(size);
    expectClose(a.discovered.mean, row.discovered.mean);
    expectClose(a.discovered.standardError, row.discovered.standardError);
    expectClose(a.costPflops / row.costPflops, 1);
  });
}

describe('searchSpaceReduction', () => {
  it('screens by NNGP, then discovers with 12- and 36-epoch training, as compute does', async () => {
    const options = { keepPercents: [50, 20], subsets: { count: 3, size: 24, seed: 5 } };
    const r = await reduction({ nngp: { experiment }, ...options });
    expect(r.errors).toBeUndefined();
    const rows = r.data?.searchSpaceReduction ?? [];
    // Per budget: no screening, then NNGP and random for each percent.
    expect(rows.map((row) => `${row.epochs} ${row.screening} ${row.keepPercent}`)).toEqual([
      '12 NONE null',
      '12 NNGP 50',
      '12 RANDOM 50',
      '12 NNGP 20',
      '12 RANDOM 20',
      '36 NONE null',
      '36 NNGP 50',
      '36 RANDOM 50',
      '36 NNGP 20',
      '36 RANDOM 20',
    ]);
    expectReduction(rows, await expectedReduction(options), 24);
  });

  it('follows the filter as SQL does, with default subsets capped at the architectures', async () => {
    const bound = await halfOfTiny();
    const within = await hashesWhere('trainable_parameters <= $1', [bound]);
    const n = tinyHashes.filter((h) => within.has(h)).length;
    expect(n).toBeLessThan(30);
    const r = await reduction({
      nngp: { experiment },
      filter: { trainableParameters: { max: bound } },
      keepPercents: [30],
    });
    expect(r.errors).toBeUndefined();
    const expected = await expectedReduction(
      { keepPercents: [30], subsets: { count: 10, size: n, seed: 0 } },
      within,
    );
    expectReduction(r.data?.searchSpaceReduction ?? [], expected, n);
  });

  it('returns no rows when no architecture has everything', async () => {
    const r = await reduction({ nngp: { experiment, nTrain: 10 } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.searchSpaceReduction).toEqual([]);
  });
});

// ---------------------------------------------------------------------------- residual bias

interface BiasRow {
  residualConnections: number;
  architectures: number;
  percentiles: { predictor: string; meanPercentile: number }[];
}

const bias = (variables: Record<string, unknown>) =>
  gql<{ residualBias: BiasRow[] }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]) {
      residualBias(filter: $filter, predictors: $predictors) {
        residualConnections architectures percentiles { predictor meanPercentile }
      }
    }`,
    variables,
  );

function expectBias(actual: BiasRow[], residuals: Series, named: Record<string, Series>) {
  const hashes = common([residuals, ...Object.values(named)]);
  const expected = residualBias(
    at(hashes, residuals),
    Object.fromEntries(Object.entries(named).map(([name, s]) => [name, at(hashes, s)])),
  );
  expect(actual.map((r) => [r.residualConnections, r.architectures])).toEqual(
    expected.map((r) => [r.residualConnections, r.architectures]),
  );
  expected.forEach((row, i) => {
    const a = actual[i] as BiasRow;
    expect(a.percentiles.map((p) => p.predictor)).toEqual(Object.keys(named));
    for (const p of a.percentiles)
      expectClose(p.meanPercentile, row.meanPercentile[p.predictor] as number);
  });
}

describe('residualBias', () => {
  it('ranks by 4/12/36/108-epoch training by default, over the fixture', async () => {
    const r = await bias({});
    expect(r.errors).toBeUndefined();
    const [residuals, e4, e12, e36, e108] = await Promise.all([
      architectureColumn('residual_connections'),
      trainingRepeat0(4),
      trainingRepeat0(12),
      trainingRepeat0(36),
      trainingMean(108),
    ]);
    expectBias(r.data?.residualBias ?? [], residuals, {
      'epochs 4 repeat 0': e4,
      'epochs 12 repeat 0': e12,
      'epochs 36 repeat 0': e36,
      'epochs 108 mean': e108,
    });
  });

  it('takes any predictors and a filter (percentiles within the filtered set)', async () => {
    const r = await bias({
      filter: { trainableParameters: { max: 5_000_000 } },
      predictors: [
        { kind: 'PROXY', proxy: 'zen_score' },
        { kind: 'TRAINING', epochs: 12, repeat: 0, name: 'twelve' },
      ],
    });
    expect(r.errors).toBeUndefined();
    const within = await hashesWhere('trainable_parameters <= 5000000');
    const residuals = new Map(
      [...(await architectureColumn('residual_connections'))].filter(([h]) => within.has(h)),
    );
    const twelve = await seriesOf(
      `SELECT module_hash AS hash, final_validation_accuracy AS value FROM training_records
        WHERE epochs = 12 AND repeat = 0 AND final_validation_accuracy IS NOT NULL`,
    );
    expectBias(r.data?.residualBias ?? [], residuals, {
      zen_score: await zenSeries(),
      twelve,
    });
    expect(r.data?.residualBias.reduce((n, row) => n + row.architectures, 0)).toBeLessThan(10_000);
  });
});

// ------------------------------------------------------------------- model-size correlation

interface SizeCorrelation {
  predictor: string;
  count: number;
  kendallTau: number | null;
  pearson: number | null;
}

describe('modelSizeCorrelation', () => {
  it('gives τ and r of each predictor against the parameter count, as compute does', async () => {
    const query = `query ($filter: ArchitectureFilter, $predictors: [PredictorInput!]!) {
      modelSizeCorrelation(filter: $filter, predictors: $predictors) { predictor count kendallTau pearson }
    }`;
    const predictors = [
      { kind: 'NNGP', experiment },
      { kind: 'TRAINING', epochs: 4 },
      { kind: 'PROXY', proxy: 'zen_score' },
    ];
    const [params, nngp, e4, zen] = await Promise.all([
      architectureColumn('trainable_parameters'),
      nngpSeries(),
      trainingRepeat0(4),
      zenSeries(),
    ]);
    for (const filter of [null, { residualConnections: { min: 2 } }]) {
      const r = await gql<{ modelSizeCorrelation: SizeCorrelation[] }>(t.api.url, query, {
        filter,
        predictors,
      });
      expect(r.errors).toBeUndefined();
      const within = filter === null ? undefined : await hashesWhere('residual_connections >= 2');
      const results = r.data?.modelSizeCorrelation ?? [];
      expect(results.map((c) => c.predictor)).toEqual([
        NNGP_LABEL,
        'epochs 4 repeat 0',
        'zen_score',
      ]);
      [nngp, e4, zen].forEach((series, i) => {
        const hashes = common([series, params], within);
        const expected = modelSizeCorrelation(at(hashes, series), at(hashes, params));
        const c = results[i] as SizeCorrelation;
        expect(c.count).toBe(hashes.length);
        expectClose(c.kendallTau, expected.kendallTau);
        expectClose(c.pearson, expected.pearson);
      });
    }
  });
});

// --------------------------------------------------------------------------------- scatter

interface ScatterResponse {
  x: string;
  y: string;
  total: number;
  sampled: boolean;
  points: { hash: string; x: number; y: number }[];
}

const scatter = (variables: Record<string, unknown>) =>
  gql<{ scatter: ScatterResponse }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $x: PredictorInput!, $y: PredictorInput, $limit: Int, $seed: Int) {
      scatter(filter: $filter, x: $x, y: $y, limit: $limit, seed: $seed) {
        x y total sampled points { hash x y }
      }
    }`,
    variables,
  );

const byXThenHash = (a: { x: number; hash: string }, b: { x: number; hash: string }) =>
  a.x - b.x || (a.hash < b.hash ? -1 : 1);

describe('scatter', () => {
  it('samples uniformly with the seed when there are more points than the limit', async () => {
    const r = await scatter({ x: { kind: 'PROXY', proxy: 'zen_score' }, limit: 500, seed: 3 });
    expect(r.errors).toBeUndefined();
    const [zen, truth] = await Promise.all([zenSeries(), truthSeries()]);
    const hashes = common([zen, truth]);
    const [sample] = randomSubsets({ count: 1, size: 500, seed: 3 }, hashes.length);
    const expected = Array.from(sample ?? [], (i) => {
      const hash = hashes[i] as string;
      return { hash, x: zen.get(hash) as number, y: truth.get(hash) as number };
    }).sort(byXThenHash);
    expect(r.data?.scatter).toEqual({
      x: 'zen_score',
      y: 'ground truth',
      total: hashes.length,
      sampled: true,
      points: expected,
    });
    const again = await scatter({ x: { kind: 'PROXY', proxy: 'zen_score' }, limit: 500, seed: 4 });
    expect(again.data?.scatter.points).not.toEqual(expected);
  });

  it('returns every point of the filter when they fit, sorted by x', async () => {
    const r = await scatter({
      filter: { experiment },
      x: { kind: 'NNGP', experiment },
      y: { kind: 'TRAINING', epochs: 36 },
    });
    expect(r.errors).toBeUndefined();
    const [nngp, e36] = await Promise.all([nngpSeries(), trainingRepeat0(36)]);
    const expected = common([nngp, e36])
      .map((hash) => ({ hash, x: nngp.get(hash) as number, y: e36.get(hash) as number }))
      .sort(byXThenHash);
    expect(r.data?.scatter).toEqual({
      x: NNGP_LABEL,
      y: 'epochs 36 repeat 0',
      total: 30,
      sampled: false,
      points: expected,
    });
  });
});

// -------------------------------------------------------------------------- parameter histogram

interface Bin {
  min: number;
  max: number;
  count: number;
}

const histogram = (variables: Record<string, unknown>) =>
  gql<{ parameterHistogram: Bin[] }>(
    t.api.url,
    `query ($filter: ArchitectureFilter, $bins: Int) {
      parameterHistogram(filter: $filter, bins: $bins) { min max count }
    }`,
    variables,
  );

async function expectHistogram(bins: Bin[], condition: string, binCount: number) {
  const params = [
    ...(
      await seriesOf(
        `SELECT hash, trainable_parameters AS value FROM architectures WHERE ${condition}`,
      )
    ).values(),
  ];
  const min = Math.min(...params);
  const max = Math.max(...params);
  expect(bins).toHaveLength(binCount);
  expect(bins[0]?.min).toBe(min);
  expect(bins.at(-1)?.max).toBe(max);
  const width = (Math.log10(max) - Math.log10(min)) / binCount;
  bins.forEach((bin, i) => {
    expect(Math.abs(Math.log10(bin.max) - Math.log10(bin.min) - width)).toBeLessThan(1e-9);
    if (i > 0) expect(bin.min).toBe(bins[i - 1]?.max);
    const last = i === binCount - 1;
    expect(bin.count).toBe(
      params.filter((p) => p >= bin.min && (p < bin.max || (last && p <= bin.max))).length,
    );
  });
  expect(bins.reduce((n, b) => n + b.count, 0)).toBe(params.length);
}

describe('parameterHistogram', () => {
  it('bins every architecture on a log scale between the smallest and largest', async () => {
    const r = await histogram({});
    expect(r.errors).toBeUndefined();
    await expectHistogram(r.data?.parameterHistogram ?? [], 'true', 60);
  });

  it('bins only the filtered architectures, with the given bin count', async () => {
    const r = await histogram({ filter: { residualConnections: { min: 2 } }, bins: 17 });
    expect(r.errors).toBeUndefined();
    await expectHistogram(r.data?.parameterHistogram ?? [], 'residual_connections >= 2', 17);
  });

  it('gives no bins for an empty filter', async () => {
    const r = await histogram({ filter: { residualConnections: { min: 99 } } });
    expect(r.data?.parameterHistogram).toEqual([]);
  });
});

// -------------------------------------------------------------------------------- bad arguments

describe('bad arguments', () => {
  it('are BAD_USER_INPUT naming the argument', async () => {
    const zen = { kind: 'PROXY', proxy: 'zen_score' };
    expectBadInput(await scatter({ x: zen, limit: 20_001 }), 'limit');
    expectBadInput(await scatter({ x: zen, limit: 0 }), 'limit');
    expectBadInput(await scatter({ x: zen, seed: -1 }), 'seed');
    expectBadInput(await scatter({ x: { kind: 'PROXY', proxy: 'nope' } }), 'x');
    expectBadInput(await scatter({ x: zen, y: { kind: 'TRAINING' } }), 'y');
    expectBadInput(await histogram({ bins: 0 }), 'bins');
    expectBadInput(await histogram({ bins: 501 }), 'bins');
    expectBadInput(await reduction({ nngp: { experiment }, keepPercents: [0] }), 'keepPercents');
    expectBadInput(
      await reduction({ nngp: { experiment }, keepPercents: [100.5] }),
      'keepPercents',
    );
    expectBadInput(await reduction({ nngp: { experiment }, keepPercents: [] }), 'keepPercents');
    expectBadInput(await reduction({ nngp: { experiment }, epochs: [0] }), 'epochs');
    expectBadInput(await reduction({ nngp: { experiment }, epochs: [7] }), 'epochs');
    expectBadInput(await reduction({ nngp: { experiment: '999999' } }), 'nngp');
    expectBadInput(await reduction({ nngp: { experiment: 'x' } }), 'nngp');
    expectBadInput(
      await reduction({ nngp: { experiment }, subsets: { count: 1, size: 31 } }),
      'subsets',
    );
    expectBadInput(await hybrid({ nngp: { experiment: '999999' } }), 'nngp');
    expectBadInput(await bias({ predictors: [] }), 'predictors');
    expectBadInput(await bias({ predictors: [{ kind: 'MODEL_SIZE', epochs: 4 }] }), 'predictors');
    const unknownExperiment = await metrics({
      predictors: [{ kind: 'HYBRID', experiment: '999999' }],
    });
    expectBadInput(unknownExperiment, 'predictors');
    expect(unknownExperiment.errors?.[0]?.extensions?.field).toBe('experiment');
  });
});
