import type { BootstrapOptions, PredictorEvaluation } from '@nngp-nas/compute/metrics';
import { badUserInput } from '../errors.ts';
import type { InputMaybe, IntervalsInput, PredictorMetrics } from '../generated/resolvers-types.ts';

/** Most bootstrap resamples `metrics(intervals:)` draws (also a bound in argument-bounds.ts). */
export const MAX_RESAMPLES = 10_000;

/**
 * `metrics(intervals:)` as compute/metrics' bootstrap options (defaults 1,000 resamples, 95 %,
 * seed 0, as `nngp compare`), or undefined when not asked for. Out of range is BAD_USER_INPUT
 * on `intervals` naming the field.
 *
 * @example bootstrapOptions({ resamples: 200 }) // { resamples: 200, level: 0.95, seed: 0 }
 */
export function bootstrapOptions(
  intervals: InputMaybe<IntervalsInput> | undefined,
): Required<BootstrapOptions> | undefined {
  if (intervals == null) return undefined;
  const resamples = intervals.resamples ?? 1000;
  const level = intervals.level ?? 0.95;
  const seed = intervals.seed ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > MAX_RESAMPLES)
    throw badUserInput(
      `intervals.resamples is ${resamples}, expected 1 to ${MAX_RESAMPLES}`,
      'intervals',
      'resamples',
    );
  if (!(level > 0 && level < 1))
    throw badUserInput(
      `intervals.level is ${level}, expected between 0 and 1 (exclusive)`,
      'intervals',
      'level',
    );
  if (!Number.isInteger(seed) || seed < 0)
    throw badUserInput(`intervals.seed is ${seed}, expected at least 0`, 'intervals', 'seed');
  return { resamples, level, seed };
}

/** A `metrics` report as compute/predictors' `evaluationReport` gives it, intervals aside. */
type Report = Omit<
  PredictorMetrics,
  'kendallTauInterval' | 'pearsonInterval' | 'discoveredInterval' | 'pqetp'
> & {
  pqetp: { threshold: number; auroc: number | null }[];
};

/**
 * A `metrics` report with the bootstrap intervals of its evaluation (τ and r, PQETP at each
 * threshold, discovered performance), or with them null when `e` has none (no `intervals`
 * argument, or nothing evaluated).
 *
 * @example withIntervals(report, evaluation).pqetp[0]?.interval // { low: 0.7, high: 0.8 }
 */
export function withIntervals(report: Report, e?: PredictorEvaluation): PredictorMetrics {
  return {
    ...report,
    kendallTauInterval: e?.kendallTauInterval ?? null,
    pearsonInterval: e?.pearsonInterval ?? null,
    pqetp: report.pqetp.map((point, i) => ({
      ...point,
      interval: e?.pqetpIntervals?.[i] ?? null,
    })),
    discoveredInterval: e?.discoveredInterval ?? null,
  };
}
