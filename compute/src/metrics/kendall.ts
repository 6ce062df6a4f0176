import { radixSort } from './sort-order.ts';
import { checkPair, type Series } from './validate.ts';

/**
 * Kendall's τ-b between two series, exactly as `scipy.stats.kendalltau` (variant 'b'):
 * τ = (P − Q) / √(n₀ − n₁) / √(n₀ − n₂), where P − Q = n₀ − n₁ − n₂ + n₃ − 2·discordant, n₀ the
 * number of pairs, n₁ / n₂ the pairs tied in x / y and n₃ the pairs tied in both. O(n log n):
 * radix sorts put the pairs in (x, y) order, then a Fenwick tree counts the discordant pairs.
 *
 * Returns null where τ-b is undefined: fewer than two values, or either series constant
 * (scipy returns NaN there).
 *
 * @throws MetricsInputError on empty input, NaN/±Infinity or different lengths.
 * @example kendallTau([1, 2, 3, 4], [1, 3, 2, 4]) // 0.6666666666666666
 */
export function kendallTau(x: Series, y: Series): number | null {
  checkPair(x, y);
  const byY = radixSort(y);
  // Stable by x from the y order is the lexicographic (x, y) order; each element's y rank rides
  // along as the payload, so nothing is gathered through the permutation at random.
  const byXY = radixSort(x, byY.order, byY.sortedRanks);
  return tauOfSortedPairs(byXY.sortedRanks, byXY.payload as Int32Array, byY.distinct);
}

/**
 * τ-b from integer ranks (values in [0, xLevels) and [0, yLevels); gaps are fine): the core the
 * bootstrap uses, since it resamples ranks computed once instead of re-sorting doubles.
 *
 * @example kendallTauOfRanks(Int32Array.of(0, 1, 2), 3, Int32Array.of(0, 2, 1), 3) // 0.333…
 */
export function kendallTauOfRanks(
  rx: Int32Array,
  xLevels: number,
  ry: Int32Array,
  yLevels: number,
): number | null {
  const n = rx.length;
  const counts = new Int32Array(Math.max(xLevels, yLevels) + 1);
  // Order by (x, y): a counting sort by y, then a stable counting sort by x.
  const byXY = countingOrder(rx, xLevels, counts, countingOrder(ry, yLevels, counts, null));
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = byXY[i] as number;
    xs[i] = rx[at] as number;
    ys[i] = ry[at] as number;
  }
  return tauOfSortedPairs(xs, ys, yLevels);
}

/**
 * τ-b of pairs (xs[i], ys[i]) already in lexicographic order. Ties in x and joint ties are runs
 * of the sequence; ties in y come from the multiplicity of each y rank; within a run of equal x
 * the ys ascend, so every remaining inversion of ys is a discordant pair.
 */
function tauOfSortedPairs(xs: Int32Array, ys: Int32Array, yLevels: number): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const total = (n * (n - 1)) / 2;
  let xTies = 0;
  let jointTies = 0;
  let xRun = 1;
  let jointRun = 1;
  for (let i = 1; i < n; i++) {
    if (xs[i] === xs[i - 1]) {
      xRun++;
      if (ys[i] === ys[i - 1]) jointRun++;
      else {
        jointTies += (jointRun * (jointRun - 1)) / 2;
        jointRun = 1;
      }
    } else {
      xTies += (xRun * (xRun - 1)) / 2;
      jointTies += (jointRun * (jointRun - 1)) / 2;
      xRun = 1;
      jointRun = 1;
    }
  }
  xTies += (xRun * (xRun - 1)) / 2;
  jointTies += (jointRun * (jointRun - 1)) / 2;
  const { inversions: discordant, tiedPairs: yTies } = inversionsAndTies(ys, yLevels);
  if (xTies === total || yTies === total) return null;
  // Pair counts stay below 2^53 up to n ≈ 1.3·10⁸, so they are exact (scipy uses int64); the
  // division follows scipy's order of operations for bit-for-bit agreement.
  const concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  const tau = concordantMinusDiscordant / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
  return Math.min(1, Math.max(-1, tau));
}

/**
 * The number of pairs i < j with values[i] > values[j] (equal values are not inversions), by a
 * Fenwick tree over the levels (a merge sort measured 2–3× slower here: its merge branch is
 * unpredictable), and Σ c(c − 1)/2 over the multiplicities c of the values.
 *
 * @example inversionsAndTies(Int32Array.of(3, 1, 2, 1), 4) // { inversions: 4, tiedPairs: 1 }
 */
export function inversionsAndTies(
  values: Int32Array,
  levels: number,
): { inversions: number; tiedPairs: number } {
  const tree = new Int32Array(levels + 1);
  let inversions = 0;
  for (let i = 0; i < values.length; i++) {
    const position = (values[i] as number) + 1;
    let atMost = 0;
    for (let k = position; k > 0; k -= k & -k) atMost += tree[k] as number;
    inversions += i - atMost;
    for (let k = position; k <= levels; k += k & -k) tree[k] = (tree[k] as number) + 1;
  }
  // The tree is spent; reuse it for the multiplicity of each level.
  tree.fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    tree[v] = (tree[v] as number) + 1;
  }
  let tiedPairs = 0;
  for (let level = 0; level < levels; level++) {
    const c = tree[level] as number;
    tiedPairs += (c * (c - 1)) / 2;
  }
  return { inversions, tiedPairs };
}

/**
 * Indices ordered by `keys` (stable): of `previous` when given, else of 0..n−1. Leaves
 * `counts` zeroed.
 */
function countingOrder(
  keys: Int32Array,
  levels: number,
  counts: Int32Array,
  previous: Uint32Array | null,
): Uint32Array {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    const k = (keys[i] as number) + 1;
    counts[k] = (counts[k] as number) + 1;
  }
  for (let r = 1; r <= levels; r++) counts[r] = (counts[r] as number) + (counts[r - 1] as number);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const at = previous === null ? i : (previous[i] as number);
    const k = keys[at] as number;
    const to = counts[k] as number;
    order[to] = at;
    counts[k] = to + 1;
  }
  counts.fill(0, 0, levels + 1);
  return order;
}
