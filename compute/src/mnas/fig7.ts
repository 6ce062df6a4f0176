import { createRandom, deriveSeed, shuffle } from '../datasets/random.ts';
import {
  type BootstrapOptions,
  bootstrapCorrelations,
  checkSameLength,
  checkSeries,
  type Interval,
  kendallTau,
  MetricsInputError,
  pearson,
  type Series,
  topK,
} from '../metrics/index.ts';

/** How a Fig. 7 selection picks its networks. */
export const FIG7_SELECTIONS = ['nngp', 'accuracy5', 'reward', 'random'] as const;
export type Fig7SelectionName = (typeof FIG7_SELECTIONS)[number];

export interface Fig7Input {
  /** One entry per network, aligned: NNGP validation accuracy, 5-epoch accuracy, reward. */
  nngp: Series;
  accuracy5: Series;
  reward: Series;
  /** Final accuracy after full training; null where the network was not trained in full. */
  finalAccuracy: readonly (number | null)[];
}

export interface Fig7Selection {
  name: Fig7SelectionName;
  /** Positions of the chosen networks, best first (draw order for 'random'). */
  positions: number[];
  /** Their final accuracies (null where not measured). */
  finalAccuracies: (number | null)[];
  /** Mean and best over the measured final accuracies; null when none is measured. */
  meanFinal: number | null;
  bestFinal: number | null;
  /** Chosen networks without a measured final accuracy. */
  missingFinal: number;
}

export interface Fig7Correlation {
  kendallTau: number | null;
  pearson: number | null;
  intervals?: { kendallTau: Interval; pearson: Interval };
}

export interface Fig7Analysis {
  networks: number;
  k: number;
  selections: Fig7Selection[];
  /** NNGP accuracy against the reward, and against the 5-epoch accuracy. */
  nngpVsReward: Fig7Correlation;
  nngpVsAccuracy5: Fig7Correlation;
}

/**
 * Paper Fig. 7: the top k networks by NNGP accuracy, by 5-epoch accuracy and by reward, and k
 * seeded random ones, each with its final accuracy; and τ and r between NNGP accuracy and the
 * reward. Ties at the k-th place go to the earlier network (metrics' topK).
 *
 * @example fig7Analysis({ nngp, accuracy5, reward, finalAccuracy }, { k: 10, seed: 0 })
 */
export function fig7Analysis(
  input: Fig7Input,
  options: { k?: number; seed?: number; bootstrap?: BootstrapOptions } = {},
): Fig7Analysis {
  const k = options.k ?? 10;
  checkSeries('nngp', input.nngp);
  const n = input.nngp.length;
  for (const field of ['accuracy5', 'reward'] as const) {
    checkSeries(field, input[field]);
    checkSameLength(field, input[field], n, 'nngp');
  }
  if (input.finalAccuracy.length !== n)
    throw new MetricsInputError(
      'finalAccuracy',
      `has ${input.finalAccuracy.length} values, expected ${n} (the length of nngp)`,
    );
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new MetricsInputError('k', `is ${k}, expected an integer in [1, ${n}]`);
  const everyone = Uint32Array.from({ length: n }, (_, i) => i);
  const random = Array.from({ length: n }, (_, i) => i);
  shuffle(random, createRandom(deriveSeed(options.seed ?? 0, 7)), k);
  const chosen: Record<Fig7SelectionName, number[]> = {
    nngp: topK(input.nngp, everyone, k),
    accuracy5: topK(input.accuracy5, everyone, k),
    reward: topK(input.reward, everyone, k),
    random: random.slice(0, k),
  };
  return {
    networks: n,
    k,
    selections: FIG7_SELECTIONS.map((name) => selection(name, chosen[name], input.finalAccuracy)),
    nngpVsReward: correlation(input.reward, input.nngp, options.bootstrap),
    nngpVsAccuracy5: correlation(input.accuracy5, input.nngp, options.bootstrap),
  };
}

function selection(
  name: Fig7SelectionName,
  positions: number[],
  finals: readonly (number | null)[],
): Fig7Selection {
  const finalAccuracies = positions.map((p) => finals[p] ?? null);
  const measured = finalAccuracies.filter((v): v is number => v !== null);
  return {
    name,
    positions,
    finalAccuracies,
    meanFinal: measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : null,
    bestFinal: measured.length ? Math.max(...measured) : null,
    missingFinal: positions.length - measured.length,
  };
}

function correlation(truth: Series, predictor: Series, bootstrap?: BootstrapOptions) {
  const result: Fig7Correlation = {
    kendallTau: kendallTau(truth, predictor),
    pearson: pearson(truth, predictor),
  };
  if (bootstrap) {
    const { kendallTau: tau, pearson: r } = bootstrapCorrelations(truth, predictor, bootstrap);
    result.intervals = { kendallTau: tau, pearson: r };
  }
  return result;
}
