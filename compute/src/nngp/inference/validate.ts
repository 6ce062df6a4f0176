import { InferenceInputError } from './input-error.ts';

/**
 * Relative tolerance for K_tt's symmetry: only its lower triangle is used, so an upper triangle
 * that disagrees by more than float32 storage noise (~6e-8) means the input is not a kernel.
 */
export const SYMMETRY_TOLERANCE = 1e-6;

/**
 * Labels: at least one, each an integer in [0, numClasses).
 *
 * @example checkLabels('valLabels', [0, 3], 10) // ok; [0, 10] throws "valLabels: entry 1 is 10, …"
 */
export function checkLabels(field: string, labels: ArrayLike<number>, numClasses: number): void {
  if (labels.length === 0)
    throw new InferenceInputError(field, 'is empty, expected at least one label');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= numClasses)
      throw new InferenceInputError(
        field,
        `entry ${i} is ${describe(label)}, expected an integer in [0, ${numClasses})`,
      );
  }
}

/**
 * numClasses: an integer ≥ 2 (argmax over one class says nothing).
 *
 * @example checkNumClasses(10) // ok; checkNumClasses(1.5) throws
 */
export function checkNumClasses(numClasses: unknown): asserts numClasses is number {
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 2)
    throw new InferenceInputError(
      'numClasses',
      `is ${describe(numClasses)}, expected an integer ≥ 2`,
    );
}

/**
 * Regularizers: at least one, each finite and ≥ 0.
 *
 * @example checkRegularizers([1e-3, 0.1]) // ok; [-1] throws "regularizers: entry 0 is -1, …"
 */
export function checkRegularizers(
  regularizers: unknown,
): asserts regularizers is readonly number[] {
  if (!Array.isArray(regularizers))
    throw new InferenceInputError(
      'regularizers',
      `is ${describe(regularizers)}, expected an array of numbers`,
    );
  if (regularizers.length === 0)
    throw new InferenceInputError('regularizers', 'is empty, expected at least one value');
  regularizers.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new InferenceInputError(
        'regularizers',
        `entry ${i} is ${describe(value)}, expected a finite number ≥ 0`,
      );
  });
}

/**
 * A rows×columns row-major kernel block: the right length and every entry finite.
 *
 * @example checkKernel('kValTrain', kvt, nv, nt, 'n_v×n_t') // throws on a NaN at (2, 7)
 */
export function checkKernel(
  field: string,
  data: Float64Array,
  rows: number,
  columns: number,
  shape: string,
): void {
  if (data.length !== rows * columns)
    throw new InferenceInputError(
      field,
      `has ${data.length} entries, expected ${rows * columns} (${shape} = ${rows}×${columns})`,
    );
  for (let i = 0; i < data.length; i++) {
    const value = data[i] as number;
    if (!Number.isFinite(value))
      throw new InferenceInputError(
        field,
        `entry (${Math.floor(i / columns)}, ${i % columns}) is ${value}, expected a finite number`,
      );
  }
}

/**
 * K_tt must be symmetric up to {@link SYMMETRY_TOLERANCE} times its largest magnitude.
 *
 * @example checkSymmetric('kTrainTrain', k, n) // throws "kTrainTrain: not symmetric: …"
 */
export function checkSymmetric(field: string, k: Float64Array, n: number): void {
  let largest = 0;
  for (let i = 0; i < k.length; i++) largest = Math.max(largest, Math.abs(k[i] as number));
  const tolerance = SYMMETRY_TOLERANCE * largest;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const lower = k[i * n + j] as number;
      const upper = k[j * n + i] as number;
      if (Math.abs(lower - upper) > tolerance)
        throw new InferenceInputError(
          field,
          `not symmetric: entry (${i}, ${j}) is ${lower} but (${j}, ${i}) is ${upper}`,
        );
    }
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
