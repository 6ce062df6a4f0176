/**
 * A Cholesky factorisation met a pivot that is not positive: the matrix is not (numerically)
 * positive definite. `column` is 0-based; `pivot` is the value that would have been square-rooted
 * (negative, zero or NaN).
 *
 * @example
 * try { cholesky(a, n); } catch (e) { if (e instanceof CholeskyError) console.log(e.column); }
 */
export class CholeskyError extends Error {
  override name = 'CholeskyError';

  constructor(
    readonly column: number,
    readonly pivot: number,
  ) {
    super(
      `matrix is not positive definite: pivot of column ${column} (0-based) is ${pivot}, expected > 0`,
    );
  }
}
