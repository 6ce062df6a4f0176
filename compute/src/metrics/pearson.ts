import { checkPair, isConstant, type Series } from './validate.ts';

/**
 * Pearson's correlation coefficient r, as `scipy.stats.pearsonr(x, y).statistic` (agreeing to
 * about 1e-15): two passes, so large offsets (accuracies near 0.9) cost no precision.
 *
 * Returns null where r is undefined: fewer than two values, or either series constant. The
 * constancy is checked on the values themselves, because the centred sums of a constant series
 * can come out as rounding noise instead of zero and give a meaningless r.
 *
 * @throws MetricsInputError on empty input, NaN/±Infinity or different lengths.
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933992677987828
 */
export function pearson(x: Series, y: Series): number | null {
  checkPair(x, y);
  return pearsonOfChecked(x, y);
}

/**
 * {@link pearson} without the input checks, for series known to be finite and paired (the
 * bootstrap's resamples).
 *
 * @example pearsonOfChecked(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) // 0.99339…
 */
export function pearsonOfChecked(x: Series, y: Series): number | null {
  const n = x.length;
  if (n < 2 || isConstant(x) || isConstant(y)) return null;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += x[i] as number;
    sumY += y[i] as number;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  // One square root of the product keeps r = ±1 exact for exactly linear data; the product
  // only overflows for values beyond ~1e77, where the two roots take over.
  const product = xx * yy;
  const norm = Number.isFinite(product) ? Math.sqrt(product) : Math.sqrt(xx) * Math.sqrt(yy);
  return Math.min(1, Math.max(-1, xy / norm));
}
