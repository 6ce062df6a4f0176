import { createRandom, randomInt } from '../datasets/random.ts';
import { MetricsInputError } from './errors.ts';
import { kendallTauOfRanks } from './kendall.ts';
import { pearsonOfChecked } from './pearson.ts';
import { pqetpCurve } from './pqetp.ts';
import { denseRanks } from './sort-order.ts';
import { quantileOfSorted, sortedCopy } from './thresholds.ts';
import { checkPair, describe, type Series } from './validate.ts';

export interface BootstrapOptions {
  /** Resamples (default 1,000). */
  resamples?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
  /** Seed of the resampling (default 0). */
  seed?: number;
}

/** A percentile-bootstrap interval; null when no resample had the statistic defined. */
export type Interval = { low: number; high: number } | null;

export interface BootstrapIntervals {
  kendallTau: Interval;
  pearson: Interval;
  resamples: number;
  level: number;
  seed: number;
  /** Resamples dropped because the statistic was undefined there (e.g. all one value). */
  undefinedResamples: { kendallTau: number; pearson: number };
}

/**
 * Percentile-bootstrap confidence intervals for Kendall's τ-b and Pearson's r: resample the pairs
 * with replacement (seeded mulberry32), compute both statistics on each resample, and take the
 * (1 − level)/2 and (1 + level)/2 quantiles (numpy's linear method) of each. The ranks are
 * computed once and resampled, so each τ costs O(n) counting sorts plus the Fenwick count.
 *
 * @throws MetricsInputError on bad series, lengths or options.
 * @example bootstrapCorrelations(truth, nngp, { resamples: 1000, seed: 0 })
 * // { kendallTau: { low: 0.41, high: 0.44 }, pearson: { … }, resamples: 1000, level: 0.95, … }
 */
export function bootstrapCorrelations(
  x: Series,
  y: Series,
  options: BootstrapOptions = {},
): BootstrapIntervals {
  checkPair(x, y);
  const { resamples, level, seed } = bootstrapSettings(options);
  const n = x.length;
  const rx = denseRanks(x);
  const ry = denseRanks(y);
  const random = createRandom(seed);
  const sx = new Int32Array(n);
  const sy = new Int32Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const taus: number[] = [];
  const rs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const at = randomInt(random, n);
      sx[i] = rx.ranks[at] as number;
      sy[i] = ry.ranks[at] as number;
      vx[i] = x[at] as number;
      vy[i] = y[at] as number;
    }
    const tau = kendallTauOfRanks(sx, rx.distinct, sy, ry.distinct);
    if (tau !== null) taus.push(tau);
    const r = pearsonOfChecked(vx, vy);
    if (r !== null) rs.push(r);
  }
  return {
    kendallTau: interval(taus, level),
    pearson: interval(rs, level),
    resamples,
    level,
    seed,
    undefinedResamples: { kendallTau: resamples - taus.length, pearson: resamples - rs.length },
  };
}

/**
 * Percentile-bootstrap intervals of PQETP (the AUROC for "truth > t") at each threshold: the
 * same resamples of the pairs as {@link bootstrapCorrelations} with the same seed (same
 * generator, same draws), PQETP recomputed on each; a threshold where a resample has every
 * architecture on one side drops that resample, and one where all do is null.
 *
 * @throws MetricsInputError on bad series, lengths or options.
 * @example bootstrapPqetp(truth, nngp, [0.9, 0.93], { resamples: 1000, seed: 0 })
 * // [{ low: 0.81, high: 0.88 }, { low: 0.83, high: 0.93 }]
 */
export function bootstrapPqetp(
  truth: Series,
  predictor: Series,
  thresholds: readonly number[],
  options: BootstrapOptions = {},
): Interval[] {
  checkPair(truth, predictor);
  const { resamples, level, seed } = bootstrapSettings(options);
  const n = truth.length;
  const random = createRandom(seed);
  const st = new Float64Array(n);
  const sp = new Float64Array(n);
  const aurocs: number[][] = thresholds.map(() => []);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const at = randomInt(random, n);
      st[i] = truth[at] as number;
      sp[i] = predictor[at] as number;
    }
    pqetpCurve(st, sp, thresholds).forEach((point, j) => {
      if (point.auroc !== null) (aurocs[j] as number[]).push(point.auroc);
    });
  }
  return aurocs.map((values) => interval(values, level));
}

/**
 * A percentile-bootstrap interval of the mean of `values` (e.g. discovered performance's best
 * ground truth per discovery subset: the subsets resampled with replacement); null for fewer
 * than two values, where the subsets say nothing about their spread.
 *
 * @throws MetricsInputError on bad options.
 * @example bootstrapMean([0.943, 0.944, 0.941], { seed: 0 }) // { low: 0.941, high: 0.944 }
 */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}): Interval {
  const { resamples, level, seed } = bootstrapSettings(options);
  const r = values.length;
  if (r < 2) return null;
  const random = createRandom(seed);
  const means: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < r; i++) sum += values[randomInt(random, r)] as number;
    means.push(sum / r);
  }
  return interval(means, level);
}

/** The options with their defaults (1,000 resamples, 95 %, seed 0), checked. */
function bootstrapSettings(options: BootstrapOptions): Required<BootstrapOptions> {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new MetricsInputError(
      'bootstrap.resamples',
      `is ${describe(resamples)}, expected a positive integer`,
    );
  if (!(level > 0 && level < 1))
    throw new MetricsInputError('bootstrap.level', `is ${describe(level)}, expected (0, 1)`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new MetricsInputError(
      'bootstrap.seed',
      `is ${describe(seed)}, expected an integer in [0, 2^32)`,
    );
  return { resamples, level, seed };
}

function interval(values: number[], level: number): Interval {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  return {
    low: quantileOfSorted(sorted, (1 - level) / 2),
    high: quantileOfSorted(sorted, (1 + level) / 2),
  };
}
