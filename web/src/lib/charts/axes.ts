/**
 * Domain and ticks of a logarithmic axis covering `values`: a third of a decade of room on
 * each side, a tick at every power of ten inside (or the two ends when the data span less
 * than a decade).
 *
 * @example logAxis([12500, 110500]) // { domain: [4166.67, 331500], ticks: [10000, 100000] }
 */
export function logAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return { domain: [1, 10], ticks: [1, 10] };
  const low = Math.min(...positive) / 3;
  const high = Math.max(...positive) * 3;
  const ticks: number[] = [];
  for (
    let exponent = Math.ceil(Math.log10(low));
    exponent <= Math.floor(Math.log10(high));
    exponent++
  ) {
    ticks.push(10 ** exponent);
  }
  return { domain: [low, high], ticks: ticks.length >= 2 ? ticks : [low, high] };
}

/**
 * A y domain for accuracies: the data's range widened to whole tenths, within [0, 1].
 *
 * @example accuracyDomain([0.4, 0.935]) // [0.4, 1]
 */
export function accuracyDomain(values: (number | null)[]): [number, number] {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return [0, 1];
  // The 1e-9 absorbs float noise (0.3 * 10 = 3.0000000000000004 must not round up).
  const low = Math.max(0, Math.floor(Math.min(...known) * 10 + 1e-9) / 10);
  const high = Math.min(1, Math.ceil(Math.max(...known) * 10 - 1e-9) / 10);
  return [low, high > low ? high : Math.min(1, low + 0.1)];
}

/**
 * Domain and round ticks for a correlation axis (τ, r): the data's range plus a margin,
 * widened to tenths, ticks every 0.1 (0.2 for ranges wider than 0.6).
 *
 * @example statisticAxis([0.3, 0.7]) // { domain: [0.2, 0.8], ticks: [0.2, 0.3, …, 0.8] }
 */
export function statisticAxis(values: (number | null)[]): {
  domain: [number, number];
  ticks: number[];
} {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  const low = Math.max(-1, Math.floor((Math.min(...known) - 0.05) * 10) / 10);
  const high = Math.min(1, Math.ceil((Math.max(...known) + 0.05) * 10) / 10);
  // Integer tenths avoid float error in the span and the tick values.
  const [first, last] = [Math.round(low * 10), Math.round(high * 10)];
  const step = last - first > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let tenth = first; tenth <= last; tenth += step) ticks.push(tenth / 10);
  return { domain: [low, high], ticks };
}
