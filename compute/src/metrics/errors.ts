/**
 * Metrics input that cannot be used, naming the field and the problem, e.g.
 * `predictors.nngp: has 99 values, expected 100 (the length of truth)`. The CLI exits 2 on it.
 *
 * @example throw new MetricsInputError('truth', 'entry 3 is null, expected a finite number')
 */
export class MetricsInputError extends Error {
  override name = 'MetricsInputError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
