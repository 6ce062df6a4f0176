import { PAPER_SUBSETS, PQETP_THRESHOLDS, PQETP_TOP_PERCENTS } from '@nngp-nas/compute/metrics';
import { SEARCH_SPACE_SIZE } from '@nngp-nas/compute/nasbench';

/**
 * Row visits one complexity point stands for. A listed row costs one point per object field
 * (measure.ts); an analysis is priced by the rows it walks, over this, so both kinds of work
 * share the one limit. At 20,000, one pass over the whole search space is about 21 points and
 * one predictor evaluated with the defaults about 1,900: the dashboard's largest query (20
 * predictors) costs ~39,000, two fifths of the limit.
 */
export const ROWS_PER_POINT = 20_000;

/**
 * Analyses are priced as if over the whole search space whatever the filter or the data stored
 * today, so the same query is accepted or refused the same way on every deployment and day.
 */
const PASS = SEARCH_SPACE_SIZE / ROWS_PER_POINT;
/**
 * Passes over the space one predictor takes before its thresholds and subsets: loading and
 * aligning it with the truth, sorting for Kendall's τ (n log n), Pearson's r.
 */
const PASSES_PER_PREDICTOR = 20;
/**
 * Passes over the space one bootstrap resample of `metrics(intervals:)` takes: τ-b and r of the
 * resampled pairs (counting sorts of precomputed ranks) and PQETP's sorts, about one pass.
 */
const PASSES_PER_RESAMPLE = 1;
/** Predictors residualBias ranks when the query gives none (training at 4, 12, 36, 108). */
const DEFAULT_BIAS_PREDICTORS = 4;
/** searchSpaceReduction's defaults: budgets [12, 36], keep percents [30, 10]. */
const DEFAULT_REDUCTION = { epochs: 2, keepPercents: 2 };
/** scatter's and parameterHistogram's defaults. */
const DEFAULT_SCATTER_LIMIT = 2000;
const DEFAULT_BINS = 60;

/** Coerced arguments of one field (defaults applied), as graphql-js hands them to a resolver. */
export type FieldArguments = Readonly<Record<string, unknown>>;

/** The discovery subsets' count and size (the paper's when not given). */
function subsets(args: FieldArguments): { count: number; size: number } {
  const given = (args.subsets ?? {}) as { count?: number | null; size?: number | null };
  return {
    count: given.count ?? PAPER_SUBSETS.count,
    size: given.size ?? PAPER_SUBSETS.size,
  };
}

function lengthOf(value: unknown, fallback: number): number {
  return Array.isArray(value) ? value.length : fallback;
}

/**
 * One predictor evaluated against the truth: its passes, one per PQETP threshold (and top
 * percent), one per discovery subset (each is drawn by permuting the space), plus the subsets'
 * own rows.
 */
function predictorEvaluation(args: FieldArguments): number {
  const thresholds = lengthOf(args.thresholds, PQETP_THRESHOLDS.length);
  const { count, size } = subsets(args);
  const passes = PASSES_PER_PREDICTOR + thresholds + PQETP_TOP_PERCENTS.length + count;
  return passes * PASS + (count * size) / ROWS_PER_POINT + intervalsCost(args);
}

/** `intervals` (opt-in, `metrics` only): its resamples' passes; nothing when absent. */
function intervalsCost(args: FieldArguments): number {
  const intervals = args.intervals as { resamples?: number | null } | null | undefined;
  if (intervals == null) return 0;
  return (intervals.resamples ?? 1000) * PASSES_PER_RESAMPLE * PASS;
}

/**
 * Each analysis field's work in points, from its arguments (keyed by schema coordinate). Fields
 * not listed here (lookups, listings) are priced by the rows they return only.
 *
 * @example ANALYSIS_COSTS['Query.metrics']?.({ predictors: [{}, {}] }) // ≈ 3,600
 */
export const ANALYSIS_COSTS: Readonly<Record<string, (args: FieldArguments) => number>> = {
  'Query.metrics': (args) => lengthOf(args.predictors, 1) * predictorEvaluation(args),
  // Three series loaded, the least-squares fit, then the fitted score evaluated as a predictor.
  'Query.hybrid': (args) => 3 * PASS + PASSES_PER_PREDICTOR * PASS + predictorEvaluation(args),
  'Query.searchSpaceReduction': (args) => {
    const epochs = lengthOf(args.epochs, DEFAULT_REDUCTION.epochs);
    const keeps = lengthOf(args.keepPercents, DEFAULT_REDUCTION.keepPercents);
    const { count, size } = subsets(args);
    // Truth, NNGP, FLOPs and each budget loaded; then per budget, per subset, the unscreened
    // search and an NNGP and a random screening per keep percent.
    const strategies = epochs * (1 + 2 * keeps);
    return (3 + epochs + count) * PASS + (count * size * strategies) / ROWS_PER_POINT;
  },
  'Query.residualBias': (args) =>
    lengthOf(args.predictors, DEFAULT_BIAS_PREDICTORS) * PASSES_PER_PREDICTOR * PASS,
  'Query.modelSizeCorrelation': (args) =>
    lengthOf(args.predictors, 1) * PASSES_PER_PREDICTOR * PASS,
  // Both series loaded and the sample drawn over the space, then one point per returned row.
  'Query.scatter': (args) => 3 * PASS + ((args.limit as number | null) ?? DEFAULT_SCATTER_LIMIT),
  // Counted in SQL: one pass, and a row per bin.
  'Query.parameterHistogram': (args) => PASS + ((args.bins as number | null) ?? DEFAULT_BINS),
  // Counted in SQL: training records (three budgets × three repeats), proxies, NNGP results.
  'Query.predictors': () => 12 * PASS,
  // Explicit boundaries regroup the whole space in SQL; the stored clusters are a tiny table.
  'Query.sizeClusters': (args) => (args.boundaries == null ? 0 : PASS),
};
