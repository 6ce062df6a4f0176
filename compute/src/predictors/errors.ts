/**
 * Input that names no predictor or no architecture set (an unknown proxy, a negative repeat, an
 * empty range). `field` is the input field at fault, so the API can answer BAD_USER_INPUT naming
 * it and the CLI can name its flag.
 *
 * @example throw new PredictorInputError('repeat 5 is not 0, 1, 2 or "mean"', 'repeat');
 */
export class PredictorInputError extends Error {
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'PredictorInputError';
    this.field = field;
  }
}
