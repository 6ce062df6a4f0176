import type { LoadedPredictor, TruthRow } from './types.ts';

/** What {@link commonRows} and friends read of a predictor. */
type Valued = Pick<LoadedPredictor, 'values'>;

/**
 * The ground-truth rows (hash order) of the architectures that every predictor has a value for.
 *
 * @example commonRows(await scope.truth(), [nngp, epoch12]).length // architectures having all three
 */
export function commonRows(truth: readonly TruthRow[], predictors: readonly Valued[]): TruthRow[] {
  return truth.filter((r) => predictors.every((p) => p.values.has(r.hash)));
}

/**
 * The hashes every predictor has a value for, ascending (a fixed order keeps sums, and so
 * results, identical from run to run).
 *
 * @example commonHashes([zen, epoch4]) // ['0000…', '0003…', …]
 */
export function commonHashes(predictors: readonly Valued[]): string[] {
  return unorderedCommonHashes(predictors).sort();
}

/**
 * The hashes every predictor has a value for, in no particular order: O(n), no sort (for a
 * lookup by those hashes, where the order does not matter).
 *
 * @example await loadAttributes(db, unorderedCommonHashes(loaded))
 */
export function unorderedCommonHashes(predictors: readonly Valued[]): string[] {
  const [smallest, ...others] = [...predictors].sort((a, b) => a.values.size - b.values.size);
  if (smallest === undefined) return [];
  return [...smallest.values.keys()].filter((h) => others.every((p) => p.values.has(h)));
}

/**
 * One predictor's values at `hashes`, in their order; every one must have a value.
 *
 * @example seriesAt(hashes, nngp) // Float64Array of NNGP accuracies aligned with hashes
 */
export function seriesAt(hashes: readonly string[], predictor: Valued): Float64Array {
  return Float64Array.from(hashes, (h) => predictor.values.get(h) as number);
}

/**
 * The training runs a predictor's cost charges at `hashes`, in their order (1 where it charges
 * none: the reduction prices one run of training it reads as a series).
 *
 * @example runsAt(hashes, epochs12Mean) // Float64Array [3, 3, …]
 */
export function runsAt(
  hashes: readonly string[],
  predictor: Pick<LoadedPredictor, 'trainingRuns'>,
): Float64Array {
  const runs = predictor.trainingRuns;
  return Float64Array.from(hashes, (h) => (runs === null ? 1 : runs(h)));
}
