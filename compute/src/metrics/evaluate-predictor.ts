import {
  type BootstrapOptions,
  bootstrapCorrelations,
  bootstrapMean,
  bootstrapPqetp,
  type Interval,
} from './bootstrap.ts';
import { DEFAULT_TOP_K, type DiscoveredPerformance, discoveredPerformance } from './discovered.ts';
import { MetricsInputError } from './errors.ts';
import { kendallTau } from './kendall.ts';
import { pearson } from './pearson.ts';
import {
  type PqetpPercentilePoint,
  type PqetpPoint,
  pqetpCurve,
  pqetpPercentiles,
  type ThresholdRange,
  thresholdsWhereBetter,
} from './pqetp.ts';
import {
  checkSubset,
  PAPER_SUBSETS,
  type RandomSubsets,
  randomSubsets,
  restrict,
  type Subset,
} from './subsets.ts';
import { PQETP_THRESHOLDS, PQETP_TOP_PERCENTS } from './thresholds.ts';
import { checkSameLength, checkSeries, isConstant, type Series } from './validate.ts';

export interface EvaluationOptions {
  /** PQETP thresholds on the ground truth (default: 0.78..0.948 step 0.003). */
  thresholds?: readonly number[];
  /** Percentile thresholds, as top-p % (default 1, 5, 20, 50). */
  topPercents?: readonly number[];
  /** k of discovered performance (default 10). */
  topK?: number;
  /**
   * Subsets for discovered performance: explicit index lists, or how to draw them (default the
   * paper's 10 × 10,000 with seed 0, the size capped at the number of architectures).
   */
  subsets?: readonly Subset[] | RandomSubsets;
  /**
   * Bootstrap intervals (none when absent) for τ and r and PQETP at each threshold (resampling
   * the architectures), and for discovered performance (resampling the discovery subsets).
   */
  bootstrap?: BootstrapOptions;
  /**
   * Restrict to these architectures first (a size cluster, a residual range …); thresholds,
   * subsets and percentiles then apply within the restriction, and explicit subsets index it.
   */
  subset?: Subset;
}

/** Discovered performance with the setting that produced it. */
export interface DiscoveredReport extends DiscoveredPerformance {
  topK: number;
  /** Architectures per subset (the mean size for explicit subsets of different sizes). */
  subsetSize: number;
  /** The predictor's cost scaled to one subset (cost × subsetSize / n), when a cost is given. */
  cost?: number;
}

/** Everything the paper measures about one predictor against the ground truth. */
export interface PredictorEvaluation {
  /** Architectures evaluated. */
  n: number;
  kendallTau: number | null;
  pearson: number | null;
  kendallTauInterval?: Interval;
  pearsonInterval?: Interval;
  /** With `bootstrap`: PQETP's interval at each threshold of `pqetp`, in its order. */
  pqetpIntervals?: Interval[];
  /** With `bootstrap`: the mean discovered performance's interval over resampled subsets. */
  discoveredInterval?: Interval;
  pqetp: PqetpPoint[];
  pqetpPercentile: PqetpPercentilePoint[];
  discovered: DiscoveredReport;
  /** The predictor's cost over the set in PFLOPs, when the caller gives one. */
  cost?: number;
  /** Why a statistic is null or how a default was adapted; empty when nothing needs saying. */
  notes: string[];
}

/** A predictor evaluation among others: where its PQETP beats each other predictor's. */
export interface ComparedEvaluation extends PredictorEvaluation {
  beats: Record<string, ThresholdRange[]>;
}

/**
 * Every metric of one predictor against the ground truth (one entry per architecture each): τ-b,
 * r, PQETP over absolute and percentile thresholds, discovered performance, optionally bootstrap
 * intervals and a cost. Undefined statistics are null, with the reason in `notes`.
 *
 * @throws MetricsInputError on empty input, NaN/±Infinity, different lengths or bad options.
 * @example evaluatePredictor(truth, nngp, { bootstrap: { seed: 1 } }).kendallTau // 0.43
 */
export function evaluatePredictor(
  truth: Series,
  predictor: Series,
  options: EvaluationOptions = {},
  cost?: number,
): PredictorEvaluation {
  return evaluatePredictors(
    truth,
    { predictor },
    { ...options, ...(cost === undefined ? {} : { costs: { predictor: cost } }) },
  ).predictor as PredictorEvaluation;
}

/**
 * {@link evaluatePredictor} for several predictors on the same architectures, with the same
 * discovery subsets for all (so their discovered performance is comparable), plus, for each
 * pair, the threshold ranges where one's PQETP beats the other's (paper Fig. S6).
 *
 * @throws MetricsInputError on empty input, NaN/±Infinity, different lengths or bad options.
 * @example evaluatePredictors(truth, { nngp, 'epochs 4': e4 }).nngp.beats['epochs 4'] // [{ from: 0.9, to: 0.948 }]
 */
export function evaluatePredictors(
  truth: Series,
  predictors: Readonly<Record<string, Series>>,
  options: EvaluationOptions & { costs?: Readonly<Record<string, number>> } = {},
): Record<string, ComparedEvaluation> {
  checkSeries('truth', truth);
  const names = Object.keys(predictors);
  if (names.length === 0)
    throw new MetricsInputError('predictors', 'is empty, expected at least one');
  for (const name of names) {
    checkSeries(`predictors.${name}`, predictors[name]);
    checkSameLength(`predictors.${name}`, predictors[name] as Series, truth.length);
  }
  if (options.subset !== undefined) checkSubset('subset', options.subset, truth.length);
  const t = restrict(truth, options.subset);
  const n = t.length;
  const thresholds = options.thresholds ?? PQETP_THRESHOLDS;
  const topPercents = options.topPercents ?? PQETP_TOP_PERCENTS;
  const k = options.topK ?? DEFAULT_TOP_K;
  if (!Number.isInteger(k) || k < 1)
    throw new MetricsInputError('topK', `is ${k}, expected a positive integer`);
  const { subsets, notes: subsetNotes } = resolveSubsets(options.subsets, n);
  const subsetSize = subsets.reduce((sum, s) => sum + s.length, 0) / subsets.length;
  const truthConstant = isConstant(t);
  const evaluations: Record<string, ComparedEvaluation> = {};
  for (const name of names) {
    const p = restrict(predictors[name] as Series, options.subset);
    const notes = [...subsetNotes];
    const correlationNote = undefinedCorrelation(n, truthConstant, isConstant(p));
    if (correlationNote) notes.push(`kendallTau, pearson: null because ${correlationNote}`);
    const pqetp = pqetpCurve(t, p, thresholds);
    const pqetpPercentile = pqetpPercentiles(t, p, topPercents);
    const undefinedAt = nullRuns(pqetp);
    const undefinedTop = pqetpPercentile.filter((q) => q.auroc === null).map((q) => q.topPercent);
    if (undefinedAt.length > 0 || undefinedTop.length > 0)
      notes.push(
        `pqetp: auroc null at ${[...undefinedAt, ...undefinedTop.map((p) => `top ${p} %`)].join(', ')}: every architecture's ground truth is on one side of the threshold`,
      );
    const discovered: DiscoveredReport = {
      ...discoveredPerformance(t, p, subsets, k),
      topK: k,
      subsetSize,
    };
    if (discovered.standardError === null)
      notes.push('discovered: standardError null because there is only one subset');
    if (subsetSize <= k)
      notes.push(
        `discovered: subsets hold ${subsetSize} ≤ k = ${k} architectures, so each value is the subset's best`,
      );
    const cost = options.costs?.[name];
    if (cost !== undefined) discovered.cost = (cost * subsetSize) / n;
    const evaluation: ComparedEvaluation = {
      n,
      kendallTau: kendallTau(t, p),
      pearson: pearson(t, p),
      pqetp,
      pqetpPercentile,
      discovered,
      ...(cost === undefined ? {} : { cost }),
      beats: {},
      notes,
    };
    if (options.bootstrap) {
      const intervals = bootstrapCorrelations(t, p, options.bootstrap);
      evaluation.kendallTauInterval = intervals.kendallTau;
      evaluation.pearsonInterval = intervals.pearson;
      evaluation.pqetpIntervals = bootstrapPqetp(t, p, thresholds, options.bootstrap);
      evaluation.discoveredInterval = bootstrapMean(discovered.values, options.bootstrap);
      const { kendallTau: tauDropped, pearson: rDropped } = intervals.undefinedResamples;
      if (tauDropped + rDropped > 0)
        notes.push(
          `bootstrap: ${tauDropped} (τ) and ${rDropped} (r) of ${intervals.resamples} resamples had the statistic undefined and were left out`,
        );
    }
    evaluations[name] = evaluation;
  }
  for (const a of names)
    for (const b of names)
      if (a !== b)
        (evaluations[a] as ComparedEvaluation).beats[b] = thresholdsWhereBetter(
          (evaluations[a] as ComparedEvaluation).pqetp,
          (evaluations[b] as ComparedEvaluation).pqetp,
        );
  return evaluations;
}

/** The thresholds where AUROC is null, consecutive ones as 'from–to'. */
function nullRuns(curve: readonly PqetpPoint[]): string[] {
  const runs: string[] = [];
  let start: number | null = null;
  curve.forEach((point, i) => {
    if (point.auroc === null && start === null) start = i;
    const ends = point.auroc !== null || i === curve.length - 1;
    if (start !== null && ends) {
      const last = point.auroc === null ? i : i - 1;
      const from = (curve[start] as PqetpPoint).threshold;
      const to = (curve[last] as PqetpPoint).threshold;
      runs.push(last === start ? `${from}` : `${from}–${to}`);
      start = null;
    }
  });
  return runs;
}

function undefinedCorrelation(
  n: number,
  truthConstant: boolean,
  predictorConstant: boolean,
): string | null {
  if (n < 2) return 'there are fewer than two architectures';
  if (predictorConstant && truthConstant) return 'the predictor and the ground truth are constant';
  if (predictorConstant) return 'the predictor is constant';
  if (truthConstant) return 'the ground truth is constant';
  return null;
}

/** Explicit subsets checked, or random ones drawn (the default capped at n, with a note). */
function resolveSubsets(
  subsets: EvaluationOptions['subsets'],
  n: number,
): { subsets: Subset[]; notes: string[] } {
  if (Array.isArray(subsets)) {
    if (subsets.length === 0)
      throw new MetricsInputError('subsets', 'is empty, expected at least one subset');
    subsets.forEach((s, i) => {
      checkSubset(`subsets[${i}]`, s, n);
    });
    return { subsets: [...subsets], notes: [] };
  }
  if (subsets !== undefined)
    return { subsets: randomSubsets(subsets as RandomSubsets, n), notes: [] };
  if (n >= PAPER_SUBSETS.size) return { subsets: randomSubsets(PAPER_SUBSETS, n), notes: [] };
  return {
    subsets: randomSubsets({ ...PAPER_SUBSETS, size: n }, n),
    notes: [
      `discovered: the paper's subsets of ${PAPER_SUBSETS.size} exceed the ${n} architectures, so each of the ${PAPER_SUBSETS.count} subsets is all of them in a random order (they differ only where ties at the k-th place break)`,
    ],
  };
}
