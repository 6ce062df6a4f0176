import type { Subset } from './subsets.ts';
import type { Series } from './validate.ts';

/** The paper's k: the best ground truth among the top 10 by the predictor. */
export const DEFAULT_TOP_K = 10;

/** Discovered performance over R subsets. */
export interface DiscoveredPerformance {
  /** Mean over the subsets of the best ground truth among each subset's top k. */
  mean: number;
  /** Sample standard deviation (n − 1) over √R; null for a single subset. */
  standardError: number | null;
  /** The best ground truth found in each subset, in subset order. */
  values: number[];
}

/** Above this k a sort beats insertion into the chosen list. */
const LARGE_K = 64;

/**
 * The k architectures of `candidates` with the highest predictor values, as positions into
 * `candidates`. Tie rule at the k-th place: among equal predictor values the one earlier in
 * `candidates` wins, so exactly k are chosen; random subsets come in random draw order, which
 * makes this a uniformly random tie-break there (never a biased one such as "best truth first").
 * O(|candidates|·k) for small k, a stable sort for large k (screening keeps thousands).
 *
 * @example topK([0.5, 0.9, 0.7, 0.9], [0, 1, 2, 3], 2) // [1, 3]: positions of 0.9 and 0.9
 */
export function topK(predictor: Series, candidates: Subset, k: number): number[] {
  if (k > LARGE_K) {
    const positions = Array.from({ length: candidates.length }, (_, i) => i);
    const value = (i: number) => predictor[candidates[i] as number] as number;
    // Array.prototype.sort is stable: equal values keep candidate order.
    return positions.sort((a, b) => value(b) - value(a)).slice(0, k);
  }
  const chosen: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const value = predictor[candidates[i] as number] as number;
    if (
      chosen.length === k &&
      value <= (predictor[candidates[chosen[k - 1] as number] as number] as number)
    )
      continue;
    // Insert after every chosen value ≥ this one (strictly greater values stay ahead, equal
    // ones came earlier and keep their place).
    let at = chosen.length;
    while (at > 0 && (predictor[candidates[chosen[at - 1] as number] as number] as number) < value)
      at--;
    chosen.splice(at, 0, i);
    if (chosen.length > k) chosen.pop();
  }
  return chosen;
}

/**
 * The best ground truth among the top k by the predictor in one set of candidates (the whole
 * set when it has k or fewer).
 *
 * @example discoverBest(truth, nngp, subset, 10) // 0.9432
 */
export function discoverBest(
  truth: Series,
  predictor: Series,
  candidates: Subset,
  k: number,
): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const position of topK(predictor, candidates, k))
    best = Math.max(best, truth[candidates[position] as number] as number);
  return best;
}

/**
 * Discovered performance: for each subset, the best ground truth among its top k by the
 * predictor; their mean and standard error (paper: k = 10 over R = 10 random subsets of 10,000,
 * from {@link randomSubsets}). Inputs are checked by the caller ({@link evaluatePredictor}).
 *
 * @example discoveredPerformance(truth, nngp, randomSubsets(PAPER_SUBSETS, truth.length))
 * // { mean: 0.9418, standardError: 0.0007, values: [...] }
 */
export function discoveredPerformance(
  truth: Series,
  predictor: Series,
  subsets: readonly Subset[],
  k: number = DEFAULT_TOP_K,
): DiscoveredPerformance {
  const values = subsets.map((subset) => discoverBest(truth, predictor, subset, k));
  return { ...meanAndStandardError(values), values };
}

/**
 * Mean and standard error (sample standard deviation over √R) of R values; the error is null
 * for R = 1.
 *
 * @example meanAndStandardError([1, 2, 3]) // { mean: 2, standardError: 0.5773502691896258 }
 */
export function meanAndStandardError(values: readonly number[]): {
  mean: number;
  standardError: number | null;
} {
  const r = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / r;
  if (r < 2) return { mean, standardError: null };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (r - 1);
  return { mean, standardError: Math.sqrt(variance / r) };
}
