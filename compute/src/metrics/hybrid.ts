import { MetricsInputError } from './errors.ts';
import {
  type EvaluationOptions,
  evaluatePredictor,
  type PredictorEvaluation,
} from './evaluate-predictor.ts';
import { restrict, type Subset } from './subsets.ts';
import { checkSameLength, checkSeries, type Series } from './validate.ts';

/** The least-squares fit of the hybrid metric. */
export interface HybridFit {
  coefficients: { epoch4: number; nngp: number; bias: number };
  /** Coefficient of determination on the fitted architectures. */
  rSquared: number;
  /** √(residual sum of squares / (n − 3)); null for n ≤ 3. */
  residualStandardError: number | null;
  /** Architectures fitted on. */
  n: number;
}

/**
 * The hybrid metric's fit (paper Fig. 9): least squares of 12-epoch accuracy on
 * (4-epoch accuracy, NNGP accuracy, 1), as `numpy.linalg.lstsq` on the design matrix
 * [epoch4, nngp, 1]. Solved on centred data (the 2×2 normal equations of the slopes, then the
 * bias from the means), which keeps the precision that raw normal equations lose to accuracies
 * sharing their leading digits. Fits on `subset` when given.
 *
 * Returns null when the slopes are not determined: fewer than three architectures, or the two
 * inputs collinear (one constant, or one an affine function of the other).
 *
 * @throws MetricsInputError on bad series or lengths.
 * @example fitHybrid(epoch12, epoch4, nngp) // { coefficients: { epoch4: 0.8, nngp: 0.3, bias: 0.1 }, … }
 */
export function fitHybrid(
  epoch12: Series,
  epoch4: Series,
  nngp: Series,
  subset?: Subset,
): HybridFit | null {
  checkSeries('epoch12', epoch12);
  for (const [field, values] of [
    ['epoch4', epoch4],
    ['nngp', nngp],
  ] as const) {
    checkSeries(field, values);
    checkSameLength(field, values, epoch12.length, 'epoch12');
  }
  const y = restrict(epoch12, subset);
  const a = restrict(epoch4, subset);
  const b = restrict(nngp, subset);
  const n = y.length;
  if (n < 3) return null;
  const [my, ma, mb] = [mean(y), mean(a), mean(b)];
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  let say = 0;
  let sby = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    const dy = (y[i] as number) - my;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
    say += da * dy;
    sby += db * dy;
    syy += dy * dy;
  }
  const determinant = saa * sbb - sab * sab;
  // Relative to the scale of the products: below this the inputs are collinear to rounding.
  if (!(determinant > 1e-12 * saa * sbb)) return null;
  const slopeA = (sbb * say - sab * sby) / determinant;
  const slopeB = (saa * sby - sab * say) / determinant;
  const bias = my - slopeA * ma - slopeB * mb;
  let residuals = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] as number) - (slopeA * (a[i] as number) + slopeB * (b[i] as number) + bias);
    residuals += r * r;
  }
  return {
    coefficients: { epoch4: slopeA, nngp: slopeB, bias },
    rSquared: syy > 0 ? 1 - residuals / syy : 1,
    residualStandardError: n > 3 ? Math.sqrt(residuals / (n - 3)) : null,
    n,
  };
}

/**
 * The hybrid score of every architecture under a fit, to evaluate like any predictor.
 *
 * @example evaluatePredictor(truth, hybridScores(fit, epoch4, nngp))
 */
export function hybridScores(fit: HybridFit, epoch4: Series, nngp: Series): Float64Array {
  if (epoch4.length !== nngp.length)
    throw new MetricsInputError('nngp', `has ${nngp.length} values, expected ${epoch4.length}`);
  const { epoch4: wa, nngp: wb, bias } = fit.coefficients;
  return Float64Array.from(
    { length: epoch4.length },
    (_, i) => wa * (epoch4[i] as number) + wb * (nngp[i] as number) + bias,
  );
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The hybrid metric fitted and evaluated: the fit, the scores and their evaluation. */
export interface HybridReport {
  /** Null when the slopes are not determined (see {@link fitHybrid}); then so is the rest. */
  fit: HybridFit | null;
  scores: Float64Array | null;
  evaluation: PredictorEvaluation | null;
}

/**
 * The hybrid metric in one call (paper Fig. 9): fit 12-epoch accuracy on (4-epoch, NNGP, 1) over
 * `fitSubset` (default all), score every architecture with the fit, and evaluate the score like
 * any predictor against the ground truth (`options` as {@link evaluatePredictor}; its cost is the
 * 4-epoch cost plus the NNGP cost, which the caller passes as `cost`).
 *
 * @example hybridMetric({ truth, epoch12, epoch4, nngp }, {}, { fitSubset: firstThousand })
 * // { fit: { coefficients: {…}, rSquared: 0.6, … }, scores, evaluation: { kendallTau: 0.5, … } }
 */
export function hybridMetric(
  series: { truth: Series; epoch12: Series; epoch4: Series; nngp: Series },
  options: EvaluationOptions = {},
  extra: { fitSubset?: Subset; cost?: number } = {},
): HybridReport {
  const fit = fitHybrid(series.epoch12, series.epoch4, series.nngp, extra.fitSubset);
  if (fit === null) return { fit, scores: null, evaluation: null };
  const scores = hybridScores(fit, series.epoch4, series.nngp);
  return { fit, scores, evaluation: evaluatePredictor(series.truth, scores, options, extra.cost) };
}
