import { MetricsInputError } from './errors.ts';
import { midranks, sortOrder } from './sort-order.ts';
import { percentileThreshold } from './thresholds.ts';
import { checkPair, checkSeries, type Series } from './validate.ts';

/** PQETP at one threshold: the AUROC, or null when every architecture is on one side of t. */
export interface PqetpPoint {
  threshold: number;
  auroc: number | null;
}

/** PQETP at a percentile threshold: the event is "ground truth in the top `topPercent` %". */
export interface PqetpPercentilePoint extends PqetpPoint {
  topPercent: number;
}

/**
 * AUROC of `scores` for binary labels, ties in the score counting one half: the Mann–Whitney
 * U of the positives over n₁·n₀ (as scikit-learn's `roc_auc_score`). Null when one class is
 * empty (AUROC is undefined; scikit-learn raises there).
 *
 * @example auroc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]) // 0.75
 */
export function auroc(scores: Series, positive: ArrayLike<boolean>): number | null {
  checkSeries('scores', scores);
  if (positive.length !== scores.length)
    throw new MetricsInputError(
      'positive',
      `has ${positive.length} labels, expected ${scores.length} (the length of scores)`,
    );
  const ranks = midranks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < ranks.length; i++)
    if (positive[i]) {
      positives++;
      rankSum += ranks[i] as number;
    }
  return aurocFromRankSum(rankSum, positives, ranks.length - positives);
}

/** U / (n₁·n₀) with U = R₁ − n₁(n₁ + 1)/2; rank sums are multiples of ½, exact in doubles. */
function aurocFromRankSum(rankSum: number, positives: number, negatives: number): number | null {
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * PQETP(t) for every threshold: the AUROC of `predictor` for the event "ground truth > t".
 * O(n log n + T log n): the predictor's mid-ranks are summed once in ground-truth order, so each
 * threshold is a binary search and a difference of prefix sums.
 *
 * @throws MetricsInputError on empty input, NaN/±Infinity or different lengths.
 * @example pqetpCurve(truth, nngpAccuracy, PQETP_THRESHOLDS) // [{ threshold: 0.78, auroc: 0.71 }, …]
 */
export function pqetpCurve(
  truth: Series,
  predictor: Series,
  thresholds: readonly number[],
): PqetpPoint[] {
  checkPair(truth, predictor, ['truth', 'predictor']);
  const n = truth.length;
  const ranks = midranks(predictor);
  const byTruth = sortOrder(truth);
  // suffix[i] = Σ of the predictor ranks of the architectures at truth positions ≥ i.
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = (suffix[i + 1] as number) + (ranks[byTruth[i] as number] as number);
  return thresholds.map((threshold) => {
    const firstAbove = firstGreater(truth, byTruth, threshold);
    const positives = n - firstAbove;
    return {
      threshold,
      auroc: aurocFromRankSum(suffix[firstAbove] as number, positives, n - positives),
    };
  });
}

/**
 * PQETP at percentile thresholds: for each p, t is the (1 − p/100)-quantile of the ground truth
 * (numpy's linear method), so the positives are the architectures in the top p %.
 *
 * @example pqetpPercentiles(truth, nngpAccuracy, [1, 5, 20, 50])
 */
export function pqetpPercentiles(
  truth: Series,
  predictor: Series,
  topPercents: readonly number[],
): PqetpPercentilePoint[] {
  checkPair(truth, predictor, ['truth', 'predictor']);
  const thresholds = topPercents.map((p) => percentileThreshold(truth, p));
  return pqetpCurve(truth, predictor, thresholds).map((point, i) => ({
    topPercent: topPercents[i] as number,
    ...point,
  }));
}

/** The first sorted position whose value exceeds t (n when none does). */
function firstGreater(values: Series, order: Uint32Array, t: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[order[mid] as number] as number) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A closed range of thresholds [from, to] of a curve. */
export interface ThresholdRange {
  from: number;
  to: number;
}

/**
 * Where one predictor's PQETP beats another's (paper Fig. S6): the maximal runs of consecutive
 * thresholds at which `a`'s AUROC is strictly greater than `b`'s (both defined). The curves must
 * share their thresholds.
 *
 * @example
 * thresholdsWhereBetter(pqetpCurve(truth, nngp, T), pqetpCurve(truth, epoch4, T))
 * // [{ from: 0.9, to: 0.948 }]
 */
export function thresholdsWhereBetter(
  a: readonly PqetpPoint[],
  b: readonly PqetpPoint[],
): ThresholdRange[] {
  if (a.length !== b.length || a.some((p, i) => p.threshold !== b[i]?.threshold))
    throw new RangeError('the two PQETP curves do not share their thresholds');
  const ranges: ThresholdRange[] = [];
  let open: ThresholdRange | null = null;
  for (const [i, p] of a.entries()) {
    const q = b[i] as PqetpPoint;
    if (p.auroc !== null && q.auroc !== null && p.auroc > q.auroc) {
      if (open) open.to = p.threshold;
      else open = { from: p.threshold, to: p.threshold };
    } else if (open) {
      ranges.push(open);
      open = null;
    }
  }
  if (open) ranges.push(open);
  return ranges;
}
