import { createRandom, deriveSeed, shuffle } from '../datasets/random.ts';
import { type NngpCostConfig, nngpFlops, PETA, trainingFlops } from './costs.ts';
import {
  DEFAULT_TOP_K,
  type DiscoveredPerformance,
  discoverBest,
  meanAndStandardError,
  topK,
} from './discovered.ts';
import { MetricsInputError } from './errors.ts';
import { restrict, type Subset } from './subsets.ts';
import { checkSameLength, checkSeries, type Series } from './validate.ts';

/** The paper's screening fractions: keep the top 30 % or 10 % by NNGP. */
export const PAPER_KEEP_PERCENTS: readonly number[] = Object.freeze([30, 10]);

/** One architecture set with everything the reduction reads, one entry per architecture. */
export interface ReductionInput {
  truth: Series;
  nngp: Series;
  /** Validation accuracy after shortened training, by epoch budget (e.g. 12 and 36). */
  training: Readonly<Record<number, Series>>;
  /** Inference FLOPs per image (the cost model's F_inf). */
  inferenceFlops: Series;
  /** The NNGP configuration that produced `nngp`, for its cost. */
  nngpConfig: NngpCostConfig;
  /**
   * Training runs each architecture's accuracy costs, by epoch budget (a mean over repeats costs
   * one run per repeat); absent, one run.
   */
  trainingRuns?: Readonly<Record<number, Series>>;
}

export interface ReductionOptions {
  /** Search subsets (from randomSubsets): screening and discovery happen inside each. */
  subsets: readonly Subset[];
  keepPercents?: readonly number[];
  topK?: number;
  /** Seed of the random p % baseline. */
  seed?: number;
  /** Restrict every series to these architectures first; `subsets` then index the restriction. */
  subset?: Subset;
}

/** One strategy: how the search space was screened, and what training then discovered. */
export interface ReductionRow {
  epochs: number;
  screening: 'none' | 'nngp' | 'random';
  /** Percent of each subset kept; null without screening. */
  keepPercent: number | null;
  discovered: DiscoveredPerformance;
  /** Mean over subsets of the compute spent (NNGP on the whole subset, training on the kept). */
  costPflops: number;
}

/**
 * Search-space reduction (paper Fig. 8): in each subset keep the top p % by NNGP, then discover
 * with E-epoch training among the kept (top k by training accuracy, best ground truth); the
 * baselines train on the whole subset (no screening) or on a random p %. The kept count is
 * round(p·S/100), at least 1; ties by NNGP and by training accuracy go to the earlier
 * architecture in the subset, which is random draw order (see {@link topK}).
 *
 * @throws MetricsInputError on bad series, lengths or percents.
 * @example
 * searchSpaceReduction(input, { subsets: randomSubsets(PAPER_SUBSETS, n) })
 * // [{ epochs: 12, screening: 'none', keepPercent: null, discovered: {…}, costPflops: 1.9e4 }, …]
 */
export function searchSpaceReduction(
  input: ReductionInput,
  options: ReductionOptions,
): ReductionRow[] {
  const n = input.truth.length;
  checkSeries('truth', input.truth);
  const check = (field: string, values: Series) => {
    checkSeries(field, values);
    checkSameLength(field, values, n);
  };
  check('nngp', input.nngp);
  check('inferenceFlops', input.inferenceFlops);
  for (const [epochs, values] of Object.entries(input.training))
    check(`training.${epochs}`, values);
  for (const [epochs, values] of Object.entries(input.trainingRuns ?? {}))
    check(`trainingRuns.${epochs}`, values);
  const keepPercents = options.keepPercents ?? PAPER_KEEP_PERCENTS;
  for (const p of keepPercents)
    if (!(p > 0 && p <= 100))
      throw new MetricsInputError('keepPercents', `${p} is not a percent in (0, 100]`);
  const k = options.topK ?? DEFAULT_TOP_K;
  const seed = options.seed ?? 0;
  const take = (values: Series) => restrict(values, options.subset);
  const truth = take(input.truth);
  const nngp = take(input.nngp);
  const flops = take(input.inferenceFlops);
  const nngpCost = Float64Array.from(flops, (f) => nngpFlops(input.nngpConfig, f));
  const rows: ReductionRow[] = [];
  for (const [epochsKey, series] of Object.entries(input.training)) {
    const epochs = Number(epochsKey);
    const accuracy = take(series);
    const runsOf = input.trainingRuns?.[epochs];
    const runs = runsOf === undefined ? undefined : take(runsOf);
    const trainCost = Float64Array.from(
      flops,
      (f, i) => (runs === undefined ? 1 : (runs[i] as number)) * trainingFlops(epochs, f),
    );
    const strategy = (
      screening: ReductionRow['screening'],
      keepPercent: number | null,
      keep: (subset: Subset, r: number) => { kept: Subset; screeningCost: number },
    ): ReductionRow => {
      const values: number[] = [];
      let cost = 0;
      options.subsets.forEach((subset, r) => {
        const { kept, screeningCost } = keep(subset, r);
        values.push(discoverBest(truth, accuracy, kept, k));
        cost += screeningCost + sum(trainCost, kept);
      });
      return {
        epochs,
        screening,
        keepPercent,
        discovered: { ...meanAndStandardError(values), values },
        costPflops: cost / options.subsets.length / PETA,
      };
    };
    rows.push(strategy('none', null, (subset) => ({ kept: subset, screeningCost: 0 })));
    for (const [stream, p] of keepPercents.entries()) {
      rows.push(
        strategy('nngp', p, (subset) => {
          const positions = topK(nngp, subset, keptCount(p, subset.length));
          return {
            kept: positions.map((i) => subset[i] as number),
            screeningCost: sum(nngpCost, subset),
          };
        }),
      );
      rows.push(
        strategy('random', p, (subset, r) => {
          const shuffled = shuffle(Array.from(subset), createRandom(deriveSeed(seed, r, stream)));
          return { kept: shuffled.slice(0, keptCount(p, subset.length)), screeningCost: 0 };
        }),
      );
    }
  }
  return rows;
}

/** round(p·S/100), at least one. */
function keptCount(percent: number, size: number): number {
  return Math.max(1, Math.round((percent * size) / 100));
}

function sum(values: Float64Array, subset: Subset): number {
  let total = 0;
  for (let i = 0; i < subset.length; i++) total += values[subset[i] as number] as number;
  return total;
}
