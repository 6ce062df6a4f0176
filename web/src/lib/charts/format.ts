const integer = new Intl.NumberFormat('en-US');

/**
 * A count with thousands separators.
 *
 * @example formatCount(10302) // '10,302'
 */
export function formatCount(value: number): string {
  return integer.format(value);
}

/**
 * A compute cost in PFLOPs, 3 significant digits (scientific when large or small).
 *
 * @example formatPflops(12500) // '1.25e4 PFLOPs'
 */
export function formatPflops(value: number | null): string {
  if (value === null) return 'unknown cost';
  return `${formatNumber(value)} PFLOPs`;
}

/**
 * A number to 3 significant digits, scientific outside 0.01–10,000.
 *
 * @example formatNumber(0.000123) // '1.23e-4'
 */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-2) {
    return value
      .toExponential(2)
      .replace('e+', 'e')
      .replace(/\.?0+e/, 'e');
  }
  return String(Number(value.toPrecision(3)));
}

/**
 * An accuracy (0-1) as a percentage.
 *
 * @example formatAccuracy(0.9432) // '94.32 %'
 */
export function formatAccuracy(value: number | null | undefined): string {
  return value == null ? '—' : `${(value * 100).toFixed(2)} %`;
}

/**
 * An MNAS reward (ACC × (LAT / T)^w, an accuracy scaled by the latency term) to 4 decimals; not
 * a percentage, as it is no accuracy itself.
 *
 * @example formatReward(0.74312) // '0.7431'
 */
export function formatReward(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(4);
}

/**
 * A statistic (τ, r, AUROC) to 3 decimals, or a dash when undefined.
 *
 * @example formatStatistic(0.30741) // '0.307'
 */
export function formatStatistic(value: number | null | undefined): string {
  return value == null ? '—' : value.toFixed(3);
}

/**
 * A duration in seconds as hours/minutes.
 *
 * @example formatDuration(5400) // '1 h 30 min'
 */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}
