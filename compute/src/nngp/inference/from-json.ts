import { InferenceInputError } from './input-error.ts';
import { type InferenceMethod, type NngpInferenceResult, nngpInference } from './nngp-inference.ts';
import { describe } from './validate.ts';

const FIELDS = [
  'kTrainTrain',
  'kValTrain',
  'trainLabels',
  'valLabels',
  'numClasses',
  'regularizers',
];

/**
 * `nngp infer`: validates parsed JSON of the shape
 * `{"kTrainTrain": number[][], "kValTrain": number[][], "trainLabels": number[],
 *   "valLabels": number[], "numClasses"?: number, "regularizers"?: number[]}`
 * and runs {@link nngpInference} on it. n_t is the number of rows of kTrainTrain, n_v that of
 * kValTrain. Unknown fields are rejected so a misspelt optional field is not silently ignored.
 *
 * @throws InferenceInputError naming the field and the problem, e.g.
 *   `kValTrain: row 3 has 99 entries, expected 100 (n_t)`.
 * @example inferenceFromJson(JSON.parse(await readFile('kernels.json', 'utf8')))
 */
export function inferenceFromJson(
  input: unknown,
  options: { method?: InferenceMethod; bandwidth?: number } = {},
): NngpInferenceResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InferenceInputError('input', `is ${describe(input)}, expected a JSON object`);
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (!FIELDS.includes(key))
      throw new InferenceInputError(key, `unknown field (expected ${FIELDS.join(', ')})`);
  const kTrainTrain = matrix('kTrainTrain', fields.kTrainTrain, undefined);
  const nt = kTrainTrain.rows;
  const kValTrain = matrix('kValTrain', fields.kValTrain, nt);
  const trainLabels = numbers('trainLabels', fields.trainLabels);
  const valLabels = numbers('valLabels', fields.valLabels);
  if (trainLabels.length !== nt)
    throw new InferenceInputError(
      'trainLabels',
      `has ${trainLabels.length} labels, expected ${nt} (n_t, the rows of kTrainTrain)`,
    );
  if (valLabels.length !== kValTrain.rows)
    throw new InferenceInputError(
      'valLabels',
      `has ${valLabels.length} labels, expected ${kValTrain.rows} (n_v, the rows of kValTrain)`,
    );
  // Remaining checks (label range, numClasses, regularizers, symmetry) are nngpInference's.
  return nngpInference({
    kTrainTrain: kTrainTrain.data,
    kValTrain: kValTrain.data,
    trainLabels,
    valLabels,
    ...(fields.numClasses === undefined ? {} : { numClasses: fields.numClasses as number }),
    ...(fields.regularizers === undefined ? {} : { regularizers: fields.regularizers as number[] }),
    ...options,
  });
}

/**
 * A non-empty array of equal-length rows of finite numbers, flattened row-major. With
 * `columns` undefined the matrix must be square (kTrainTrain); otherwise rows have `columns`
 * entries (n_t).
 */
function matrix(
  field: string,
  value: unknown,
  columns: number | undefined,
): { data: Float64Array; rows: number } {
  if (!Array.isArray(value))
    throw new InferenceInputError(field, `is ${describe(value)}, expected an array of rows`);
  if (value.length === 0)
    throw new InferenceInputError(field, 'is empty, expected at least one row');
  const rows = value.length;
  const width = columns ?? rows;
  const expected =
    columns === undefined ? `${width} (square: n_t = ${rows} rows)` : `${width} (n_t)`;
  const data = new Float64Array(rows * width);
  value.forEach((row: unknown, i) => {
    if (!Array.isArray(row))
      throw new InferenceInputError(
        field,
        `row ${i} is ${describe(row)}, expected an array of numbers`,
      );
    if (row.length !== width)
      throw new InferenceInputError(
        field,
        `row ${i} has ${row.length} entries, expected ${expected}`,
      );
    row.forEach((entry: unknown, j) => {
      if (typeof entry !== 'number' || !Number.isFinite(entry))
        throw new InferenceInputError(
          field,
          `entry (${i}, ${j}) is ${describe(entry)}, expected a finite number`,
        );
      data[i * width + j] = entry;
    });
  });
  return { data, rows };
}

/** An array of numbers (range checks are nngpInference's). */
function numbers(field: string, value: unknown): number[] {
  if (!Array.isArray(value))
    throw new InferenceInputError(field, `is ${describe(value)}, expected an array of numbers`);
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'number')
      throw new InferenceInputError(field, `entry ${i} is ${describe(entry)}, expected a number`);
  });
  return value as number[];
}
