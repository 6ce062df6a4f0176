/** Test matrices and plain (unblocked, obviously correct) reference arithmetic. */
import { seededRandom } from '../../support/fixtures.ts';

/**
 * Standard normal samples from a seeded uniform source (Box–Muller).
 *
 * @example const g = gaussian(1); g() // −0.43…
 */
export function gaussian(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** rows×columns of independent standard normals, row-major. */
export function randomMatrix(rows: number, columns: number, seed: number): Float64Array {
  const g = gaussian(seed);
  return Float64Array.from({ length: rows * columns }, g);
}

/** C = A·Bᵀ, naive triple loop: A is m×k, B is p×k, C is m×p. */
export function timesTransposed(a: Float64Array, b: Float64Array, m: number, p: number, k: number) {
  const c = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += (a[i * k + l] as number) * (b[j * k + l] as number);
      c[i * p + j] = s;
    }
  return c;
}

/** C = A·B, naive: A is m×k, B is k×p. */
export function times(a: Float64Array, b: Float64Array, m: number, k: number, p: number) {
  const c = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let l = 0; l < k; l++) {
      const x = a[i * k + l] as number;
      for (let j = 0; j < p; j++)
        c[i * p + j] = (c[i * p + j] as number) + x * (b[l * p + j] as number);
    }
  return c;
}

/** A = B·Bᵀ + n·I with B n×n standard normal: SPD with condition number O(1). */
export function randomSpd(n: number, seed: number): Float64Array {
  const b = randomMatrix(n, n, seed);
  const a = timesTransposed(b, b, n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i] = (a[i * n + i] as number) + n;
  return a;
}

/** The n×n Hilbert matrix 1/(i + j + 1): SPD and notoriously ill-conditioned. */
export function hilbert(n: number): Float64Array {
  return Float64Array.from({ length: n * n }, (_, k) => 1 / (Math.floor(k / n) + (k % n) + 1));
}

export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return Math.sqrt(s);
}

/** ‖x − y‖ / ‖y‖ */
export function relativeError(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += ((x[i] as number) - (y[i] as number)) ** 2;
  return Math.sqrt(s) / norm(y);
}

/** ‖A·X − B‖ / ‖B‖ for n×n A and n×columns X, B. */
export function residual(
  a: Float64Array,
  n: number,
  x: Float64Array,
  b: Float64Array,
  columns: number,
) {
  return relativeError(times(a, x, n, n, columns), b);
}
