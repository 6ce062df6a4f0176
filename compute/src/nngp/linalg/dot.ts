/**
 * Σ x[xi + k]·y[yi + k] for k < length, with two accumulators to break the add chain.
 *
 * @example dot(new Float64Array([1, 2]), 0, new Float64Array([3, 4]), 0, 2) // 11
 */
export function dot(
  x: Float64Array,
  xi: number,
  y: Float64Array,
  yi: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let k = 0;
  for (; k + 2 <= length; k += 2) {
    s0 += (x[xi + k] as number) * (y[yi + k] as number);
    s1 += (x[xi + k + 1] as number) * (y[yi + k + 1] as number);
  }
  if (k < length) s0 += (x[xi + k] as number) * (y[yi + k] as number);
  return s0 + s1;
}
