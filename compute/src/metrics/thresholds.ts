import { sortOrder } from './sort-order.ts';
import type { Series } from './validate.ts';

/**
 * The paper's PQETP thresholds: ground-truth accuracies 0.78, 0.781, …, 0.948 (step 0.003, the
 * 57 values of numpy's `arange(0.78, 0.95, 0.003)`), written as the decimals they stand for
 * rather than accumulated sums (0.78 + 3·0.003 would be 0.7889999999999999).
 */
export const PQETP_THRESHOLDS: readonly number[] = Object.freeze(
  Array.from({ length: 57 }, (_, i) => (780 + 3 * i) / 1000),
);

/** The paper's percentile thresholds: the event "ground truth in the top p %" for these p. */
export const PQETP_TOP_PERCENTS: readonly number[] = Object.freeze([1, 5, 20, 50]);

/**
 * The q-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between order statistics,
 * exactly as `numpy.quantile(values, q)` (method 'linear', including its interpolation formula).
 *
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: Series, q: number): number {
  return quantileOfSorted(sortedCopy(values), q);
}

/**
 * {@link quantile} on values already sorted ascending.
 *
 * @example quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.25) // 1.75
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
  if (sorted.length === 0) throw new RangeError('quantile of an empty series');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const a = sorted[below] as number;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  // numpy's _lerp: a + (b − a)·t, computed from the upper end when t ≥ 0.5.
  const difference = b - a;
  return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction;
}

/**
 * The threshold whose event "ground truth > t" picks the top `topPercent` % of `truth`: its
 * (1 − p/100)-quantile.
 *
 * @example percentileThreshold([0.1, 0.2, 0.3, 0.4, 0.5], 20) // 0.42000000000000004
 */
export function percentileThreshold(truth: Series, topPercent: number): number {
  if (!(topPercent > 0 && topPercent < 100))
    throw new RangeError(`top percent must be in (0, 100), got ${topPercent}`);
  return quantile(truth, 1 - topPercent / 100);
}

/**
 * PQETP thresholds for a ground truth outside the paper's accuracy range (the MNAS reward): as
 * many as the paper's, evenly spaced from the 5th to the 95th percentile of `truth`, so that
 * each event "ground truth > t" has architectures on both sides. Empty for an empty truth.
 *
 * @example spreadThresholds([0.5, 0.6, 0.7], 3) // [0.51, 0.6, 0.69]
 */
export function spreadThresholds(truth: Series, count: number = PQETP_THRESHOLDS.length): number[] {
  if (!Number.isInteger(count) || count < 2)
    throw new RangeError(`threshold count must be an integer ≥ 2, got ${count}`);
  if (truth.length === 0) return [];
  const sorted = sortedCopy(truth);
  const low = quantileOfSorted(sorted, 0.05);
  const high = quantileOfSorted(sorted, 0.95);
  return Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
}

/** A sorted copy, by the radix order (no comparator sort over the whole space). */
export function sortedCopy(values: Series): Float64Array {
  const order = sortOrder(values);
  return Float64Array.from(order, (i) => values[i] as number);
}
