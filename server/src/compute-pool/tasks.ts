import {
  type EvaluationOptions,
  evaluatePredictors,
  modelSizeCorrelation,
  type PredictorEvaluation,
  type RandomSubsets,
  type ReductionInput,
  type ReductionRow,
  type ResidualBiasRow,
  randomSubsets,
  residualBias,
  searchSpaceReduction,
} from '@nngp-nas/compute/metrics';
import { commonHashes, seriesAt } from '@nngp-nas/compute/predictors';
import { fromPortable, type PortableValues } from './portable.ts';

/*
 * The CPU-heavy part of each analysis, run in a worker thread (analysis-worker.ts): pure
 * functions of structured-clonable input, the same calls the analyses made on the event loop.
 */

/** One predictor against the ground truth, both aligned (same architectures, same order). */
export interface EvaluateInput {
  label: string;
  truth: Float64Array;
  values: Float64Array;
  options: EvaluationOptions;
}

/** compute/metrics' `evaluatePredictors` for one predictor. */
function evaluate({ label, truth, values, options }: EvaluateInput): PredictorEvaluation {
  const result = evaluatePredictors(truth, { [label]: values }, options);
  const evaluation = result[label];
  if (evaluation === undefined) throw new Error(`no evaluation of ${label}`);
  return evaluation;
}

export interface ReductionTaskInput {
  input: ReductionInput;
  subsets: RandomSubsets;
  keepPercents: readonly number[];
}

/** compute/metrics' `searchSpaceReduction` in the seeded discovery subsets. */
function reduction({ input, subsets, keepPercents }: ReductionTaskInput): ReductionRow[] {
  return searchSpaceReduction(input, {
    subsets: randomSubsets(subsets, input.truth.length),
    keepPercents,
    seed: subsets.seed,
  });
}

export interface ScatterInput {
  x: PortableValues;
  y: PortableValues;
  limit: number;
  seed: number;
}

export interface ScatterOutput {
  total: number;
  sampled: boolean;
  points: { hash: string; x: number; y: number }[];
}

/**
 * The architectures having both x and y in hash order; above `limit`, one seeded
 * `randomSubsets` subset of them; the points sorted by x, then hash.
 */
function scatter({ x: xPortable, y: yPortable, limit, seed }: ScatterInput): ScatterOutput {
  const x = fromPortable(xPortable);
  const y = fromPortable(yPortable);
  const hashes = [...x.keys()].filter((hash) => y.has(hash)).sort();
  const sampled = hashes.length > limit;
  const chosen = sampled
    ? Array.from(
        randomSubsets({ count: 1, size: limit, seed }, hashes.length)[0] ?? [],
        (i) => hashes[i] as string,
      )
    : hashes;
  const points = chosen.map((hash) => ({
    hash,
    x: x.get(hash) as number,
    y: y.get(hash) as number,
  }));
  points.sort((a, b) => a.x - b.x || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return { total: hashes.length, sampled, points };
}

export interface ModelSizeInput {
  predictor: PortableValues;
  trainableParameters: PortableValues;
}

/** τ-b and r of a predictor against the parameter count, over its architectures in hash order. */
function modelSize({ predictor, trainableParameters }: ModelSizeInput): {
  count: number;
  kendallTau: number | null;
  pearson: number | null;
} {
  const values = fromPortable(predictor);
  const parameters = fromPortable(trainableParameters);
  const hashes = [...values.keys()].sort();
  if (hashes.length === 0) return { count: 0, kendallTau: null, pearson: null };
  const { kendallTau, pearson } = modelSizeCorrelation(
    Float64Array.from(hashes, (h) => values.get(h) as number),
    Float64Array.from(hashes, (h) => parameters.get(h) as number),
  );
  return { count: hashes.length, kendallTau, pearson };
}

export interface ResidualBiasInput {
  predictors: { label: string; values: PortableValues }[];
  residualConnections: PortableValues;
}

/** compute/metrics' `residualBias` over the architectures having every predictor, in hash order. */
function bias({ predictors, residualConnections }: ResidualBiasInput): ResidualBiasRow[] {
  const loaded = predictors.map((p) => ({ label: p.label, values: fromPortable(p.values) }));
  const hashes = commonHashes(loaded);
  if (hashes.length === 0) return [];
  const residuals = fromPortable(residualConnections);
  return residualBias(
    Float64Array.from(hashes, (h) => residuals.get(h) as number),
    Object.fromEntries(loaded.map((p) => [p.label, seriesAt(hashes, p)])),
  );
}

/** Every task a worker runs, by name. */
export const TASKS = {
  evaluate,
  reduction,
  scatter,
  modelSize,
  residualBias: bias,
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;
