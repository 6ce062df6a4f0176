import { multiplyTransposed } from './multiply.ts';
import { transpose } from './transpose.ts';

/**
 * A product of `count` Householder reflectors in compact WY form, Q = I − V·T·Vᵀ, acting on
 * rows [start, start + size) of an n-vector. V (size×count, unit lower trapezoidal) is stored
 * transposed in `vt` (count×size, row-major: one reflector per row); T is count×count upper
 * triangular, row-major.
 */
export interface BlockReflector {
  start: number;
  size: number;
  count: number;
  vt: Float64Array;
  t: Float64Array;
}

/**
 * The triangular factor T of H₀·H₁·…·H₍count−1₎ = I − V·T·Vᵀ (LAPACK's dlarft, forward,
 * columnwise), from the reflectors in `vt` (count×size, row-major) and their τ.
 *
 * @example triangularFactor(vt, size, 2, [tau0, tau1]) // 2×2 upper triangular T
 */
export function triangularFactor(
  vt: Float64Array,
  size: number,
  count: number,
  taus: ArrayLike<number>,
): Float64Array {
  const t = new Float64Array(count * count);
  // Gram matrix G = Vᵀ·V in one product; column c of T needs G[0:c, c].
  const gram = new Float64Array(count * count);
  const v = { data: vt, offset: 0, stride: size };
  multiplyTransposed(1, v, v, { data: gram, offset: 0, stride: count }, count, count, size);
  for (let c = 0; c < count; c++) {
    const tau = taus[c] as number;
    // T[0:c, c] = −τ_c · T[0:c, 0:c] · G[0:c, c]
    for (let r = 0; r < c; r++) {
      let s = 0;
      for (let k = r; k < c; k++)
        s += (t[r * count + k] as number) * (gram[k * count + c] as number);
      t[r * count + c] = -tau * s;
    }
    t[c * count + c] = tau;
  }
  return t;
}

/**
 * Applies Q (or Qᵀ when `transposed`) of a block reflector to `vectors` n-vectors stored one per
 * row in `zt` (vectors×n, row-major), in place. Vectors as rows keep every product of the update
 * a unit-stride dot product.
 *
 * @example applyBlockReflector(reflector, zt, 10, n, true) // zt ← (Qᵀ·Z)ᵀ
 */
export function applyBlockReflector(
  reflector: BlockReflector,
  zt: Float64Array,
  vectors: number,
  n: number,
  transposed: boolean,
): void {
  const { start, size, count, vt, t } = reflector;
  if (count === 0 || vectors === 0) return;
  const z = { data: zt, offset: start, stride: n };
  // Gᵀ = Zᵀ·V (vectors×count)
  const gt = new Float64Array(vectors * count);
  multiplyTransposed(
    1,
    z,
    { data: vt, offset: 0, stride: size },
    wrap(gt, count),
    vectors,
    count,
    size,
  );
  // Q·Z needs T·G, Qᵀ·Z needs Tᵀ·G; as rows of Gᵀ those are Gᵀ·Tᵀ and Gᵀ·T.
  const scaled = new Float64Array(vectors * count);
  for (let q = 0; q < vectors; q++) {
    for (let c = 0; c < count; c++) {
      let s = 0;
      if (transposed) {
        for (let k = 0; k <= c; k++)
          s += (gt[q * count + k] as number) * (t[k * count + c] as number);
      } else {
        for (let k = c; k < count; k++)
          s += (gt[q * count + k] as number) * (t[c * count + k] as number);
      }
      scaled[q * count + c] = s;
    }
  }
  // Zᵀ −= (T·G)ᵀ·Vᵀ, with V row-major (size×count) as the second operand.
  const v = transpose(vt, count, size);
  multiplyTransposed(-1, wrap(scaled, count), wrap(v, count), z, vectors, size, count);
}

function wrap(data: Float64Array, stride: number) {
  return { data, offset: 0, stride };
}
