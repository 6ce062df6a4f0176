/** An axis's extent and the values to put ticks at. */
export interface AxisTicks {
  domain: [number, number];
  ticks: number[];
}

/** A linear axis: ticks `step` apart, the domain snapped to them. */
export interface LinearAxis extends AxisTicks {
  step: number;
}

/** Options of `niceAxis`. */
export interface NiceAxisOptions {
  /** Roughly how many intervals to aim for; the nice step may give up to about twice as many. */
  count?: number;
  /** Keep zero on the axis (bars grow from zero). */
  includeZero?: boolean;
  /** Hard limits of the quantity (accuracy in [0, 1], a correlation in [-1, 1]). */
  bounds?: [number, number];
  /** Whole-number quantities (counts): no step below 1. */
  integer?: boolean;
  /** Room added on each side before snapping, as a fraction of the data's span (scatters). */
  padding?: number;
}

/**
 * The "nice" step (1, 2 or 5 × 10^k) closest to dividing `span` into `count` intervals.
 *
 * @example niceStep(70, 5) // 10
 */
export function niceStep(span: number, count = 5): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  // Geometric midpoints between 1, 2, 5 and 10 pick the closest nice multiplier.
  const multiplier =
    ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1;
  return multiplier * power;
}

/**
 * The decimals needed to print multiples of `step` exactly.
 *
 * @example stepDecimals(0.05) // 2
 */
export function stepDecimals(step: number): number {
  // The 1e-9 keeps 0.1 (log10 = -0.99999…) from needing two decimals.
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * A linear axis covering `values` with ticks at multiples of a 1/2/5 × 10^k step and the domain
 * snapped to the outermost ticks, so every chart reads in even steps. Constant data get a
 * small range around the value; `bounds` clips the domain (accuracies never pass 100 %).
 *
 * @example niceAxis([-0.55, 0.73]) // { domain: [-0.6, 0.8], ticks: [-0.6, -0.4, …, 0.8], step: 0.2 }
 * @example niceAxis([0.31, 0.93], { bounds: [0, 1] }).ticks // [0.3, 0.4, …, 1]
 */
export function niceAxis(values: (number | null)[], options: NiceAxisOptions = {}): LinearAxis {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (options.includeZero) known.push(0);
  const [lowest, highest] = options.bounds ?? [-Infinity, Infinity];
  if (known.length === 0) {
    const fallback: [number, number] = options.bounds ?? [0, 1];
    return niceAxis(fallback, { count: options.count, integer: options.integer });
  }
  let low = Math.max(lowest, Math.min(...known));
  let high = Math.min(highest, Math.max(...known));
  if (high - low <= 0) {
    // One value: 2 % of its size either side (or ±1 around zero), still inside the bounds.
    const pad = low === 0 ? 1 : Math.abs(low) / 50;
    [low, high] = [Math.max(lowest, low - pad), Math.min(highest, high + pad)];
  }
  const pad = (high - low) * (options.padding ?? 0);
  [low, high] = [Math.max(lowest, low - pad), Math.min(highest, high + pad)];
  const nice = niceStep(high - low, options.count ?? 5);
  const step = options.integer ? Math.max(1, nice) : nice;
  const decimals = stepDecimals(step);
  // Ticks as integer multiples of the step, rounded, so 0.1 * 3 prints as 0.3.
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let index = first; index <= last; index++) {
    const tick = Number((index * step).toFixed(decimals));
    if (tick >= lowest - 1e-12 && tick <= highest + 1e-12) ticks.push(tick);
  }
  const domain: [number, number] = [
    Math.max(lowest, ticks[0] ?? low),
    Math.min(highest, ticks[ticks.length - 1] ?? high),
  ];
  return { domain, ticks, step };
}

/**
 * Domain and ticks of a logarithmic axis covering `values`: the data padded by a third of a
 * decade, a tick at every power of ten inside; when fewer than two powers of ten fall inside,
 * the domain widens to the enclosing decades, so every log axis reads in decades.
 *
 * @example logAxis([12500, 110500]) // { domain: [4166.67, 331500], ticks: [10000, 100000] }
 * @example logAxis([129, 131]).ticks // [10, 100, 1000]
 */
export function logAxis(values: number[]): AxisTicks {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return { domain: [1, 10], ticks: [1, 10] };
  let low = Math.min(...positive) / 3;
  let high = Math.max(...positive) * 3;
  const decades = (from: number, to: number) => {
    const ticks: number[] = [];
    // The 1e-9 keeps log10(1000) = 2.9999999999999996 on its decade.
    for (
      let power = Math.ceil(Math.log10(from) - 1e-9);
      power <= Math.floor(Math.log10(to) + 1e-9);
      power++
    ) {
      ticks.push(Number(`1e${power}`));
    }
    return ticks;
  };
  let ticks = decades(low, high);
  if (ticks.length < 2) {
    low = Number(`1e${Math.floor(Math.log10(low) + 1e-9)}`);
    high = Number(`1e${Math.ceil(Math.log10(high) - 1e-9)}`);
    ticks = decades(low, high);
  }
  return { domain: [low, high], ticks };
}
