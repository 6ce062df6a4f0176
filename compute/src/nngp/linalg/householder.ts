/**
 * Householder reflector H = I − τ·v·vᵀ with v[0] = 1 that maps x = data[offset ..
 * offset + length) onto β·e₁ (LAPACK's dlarfg). On return data[offset] = β and the tail of x
 * holds v[1..]; τ = 0 (H = I) when the tail is already zero.
 *
 * @example
 * const x = new Float64Array([3, 4]);
 * householder(x, 0, 2) // { beta: -5, tau: 1.6 }, x = [-5, 0.5]
 */
export function householder(
  data: Float64Array,
  offset: number,
  length: number,
): { beta: number; tau: number } {
  const alpha = data[offset] as number;
  const tailNorm = norm(data, offset + 1, length - 1);
  if (tailNorm === 0) return { beta: alpha, tau: 0 };
  // β takes the sign opposite to α so that α − β never cancels.
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, tailNorm);
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  for (let k = offset + 1; k < offset + length; k++) data[k] = (data[k] as number) * scale;
  data[offset] = beta;
  return { beta, tau };
}

/** Euclidean norm, scaled by the largest magnitude so squares neither overflow nor underflow. */
function norm(data: Float64Array, offset: number, length: number): number {
  let largest = 0;
  for (let k = offset; k < offset + length; k++)
    largest = Math.max(largest, Math.abs(data[k] as number));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let k = offset; k < offset + length; k++) {
    const y = (data[k] as number) / largest;
    sum += y * y;
  }
  return largest * Math.sqrt(sum);
}
