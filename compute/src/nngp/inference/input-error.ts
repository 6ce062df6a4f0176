/**
 * Inference input that cannot be used, naming the field and the problem, e.g.
 * `kValTrain: row 3 has 99 entries, expected 100 (n_t)`.
 *
 * @example throw new InferenceInputError('trainLabels', 'entry 5 is 10, expected an integer in [0, 10)')
 */
export class InferenceInputError extends Error {
  override name = 'InferenceInputError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
