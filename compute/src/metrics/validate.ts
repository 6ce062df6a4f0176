import { MetricsInputError } from './errors.ts';

/** Numbers the metrics read: plain arrays from JSON or typed arrays from the database side. */
export type Series = ArrayLike<number>;

/**
 * A non-empty series of finite numbers. NaN or ±Infinity would make every rank-based statistic
 * silently wrong, so they are refused rather than skipped.
 *
 * @example checkSeries('truth', [0.9, 0.91]) // ok; checkSeries('truth', [0.9, NaN]) throws
 */
export function checkSeries(field: string, values: unknown): asserts values is Series {
  if (!isArrayLike(values))
    throw new MetricsInputError(field, `is ${describe(values)}, expected an array of numbers`);
  if (values.length === 0)
    throw new MetricsInputError(field, 'is empty, expected at least one value');
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new MetricsInputError(
        field,
        `entry ${i} is ${describe(value)}, expected a finite number`,
      );
  }
}

/**
 * Paired series must have one value per architecture each.
 *
 * @example checkSameLength('predictors.nngp', nngp, truth.length) // throws on 99 vs 100
 */
export function checkSameLength(
  field: string,
  values: Series,
  expected: number,
  of = 'truth',
): void {
  if (values.length !== expected)
    throw new MetricsInputError(
      field,
      `has ${values.length} values, expected ${expected} (the length of ${of})`,
    );
}

/**
 * Both series of a paired statistic: finite, non-empty and of equal length.
 *
 * @example checkPair(truth, nngp) // throws "y: has 3 values, expected 4 (the length of x)"
 */
export function checkPair(x: unknown, y: unknown, names: [string, string] = ['x', 'y']): void {
  checkSeries(names[0], x);
  checkSeries(names[1], y);
  checkSameLength(names[1], y, x.length, names[0]);
}

/**
 * True when every value equals the first (a constant series has no ranking to correlate).
 *
 * @example isConstant([1, 1, 1]) // true
 */
export function isConstant(values: Series): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

/**
 * How a bad value reads in a message.
 *
 * @example describe(undefined) // 'missing'; describe('7') // '"7" (a string)'
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}
