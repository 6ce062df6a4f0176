import type { SearchSpace } from '@nngp-nas/db';
import {
  type EvaluationOptions,
  PAPER_SUBSETS,
  type RandomSubsets,
  spreadThresholds,
} from '../metrics/index.ts';
import { costPflopsOver } from './costs.ts';
import type { LoadedPredictor, TruthRow } from './types.ts';

/** Discovery subsets as asked for; each field defaults to the paper's. */
export interface SubsetsChoice {
  count?: number | null;
  size?: number | null;
  seed?: number | null;
}

/**
 * The discovery subsets to draw over `n` architectures: each field defaults to the paper's
 * (10 subsets of 10,000, seed 0), the size capped at `n`.
 *
 * @example subsetsSpec({ count: 3 }, 500) // { count: 3, size: 500, seed: 0 }
 */
export function subsetsSpec(subsets: SubsetsChoice | null | undefined, n: number): RandomSubsets {
  return {
    count: subsets?.count ?? PAPER_SUBSETS.count,
    size: subsets?.size ?? Math.min(PAPER_SUBSETS.size, n),
    seed: subsets?.seed ?? PAPER_SUBSETS.seed,
  };
}

/** One predictor aligned with the ground truth, priced, ready for compute/metrics. */
export interface AlignedPredictor {
  /** The truth rows (hash order) of the architectures having the predictor. */
  rows: TruthRow[];
  truth: Float64Array;
  values: Float64Array;
  costPflops: number | null;
  /** Training runs the cost charges over those architectures; null when it trains nothing. */
  trainingRuns: number | null;
  options: EvaluationOptions;
}

/**
 * `predictor` against the ground truth over the architectures having both (hash order), its
 * cost over them, and compute/metrics' evaluation options (PQETP thresholds, discovery subsets):
 * what the CLI's `compare` and the API's `metrics` both evaluate, so they agree to the bit. PQETP
 * thresholds default to the paper's accuracies for NAS-Bench-101 and, for MNAS, whose reward has
 * no such range, to thresholds spread over the whole ground truth of `truthRows` (the same for
 * every predictor of one analysis).
 *
 * @example const a = alignWithTruth(await scope.truth(), predictor); evaluatePredictors(a.truth, { x: a.values }, a.options)
 */
export function alignWithTruth(
  truthRows: readonly TruthRow[],
  predictor: LoadedPredictor,
  settings: {
    thresholds?: readonly number[] | null;
    subsets?: SubsetsChoice | null;
    space?: SearchSpace;
  } = {},
): AlignedPredictor {
  const rows = truthRows.filter((r) => predictor.values.has(r.hash));
  const runs = predictor.trainingRuns;
  const options: EvaluationOptions = {};
  if (settings.thresholds != null) options.thresholds = settings.thresholds;
  else if (settings.space === 'mnas')
    options.thresholds = spreadThresholds(Float64Array.from(truthRows, (r) => r.value));
  if (settings.subsets != null) options.subsets = subsetsSpec(settings.subsets, rows.length);
  return {
    rows,
    truth: Float64Array.from(rows, (r) => r.value),
    values: Float64Array.from(rows, (r) => predictor.values.get(r.hash) as number),
    costPflops: costPflopsOver(rows, predictor.cost),
    trainingRuns: runs === null ? null : rows.reduce((sum, r) => sum + runs(r.hash), 0),
    options,
  };
}
