import { describe, expect, it } from 'vitest';
import { InferenceInputError, inferenceFromJson } from '../../../src/nngp/inference/index.ts';

/** A valid 3-train, 2-val input; tests break one field at a time. */
function valid(): Record<string, unknown> {
  return {
    kTrainTrain: [
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 2],
    ],
    kValTrain: [
      [1, 1, 0],
      [0, 0, 1],
    ],
    trainLabels: [0, 0, 1],
    valLabels: [0, 1],
    numClasses: 2,
  };
}

function problem(input: unknown): string {
  try {
    inferenceFromJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InferenceInputError);
    return (error as Error).message;
  }
  throw new Error('expected an InferenceInputError');
}

describe('inferenceFromJson', () => {
  it('runs a valid input with the default grid', () => {
    const result = inferenceFromJson(valid());
    expect(result.regularizers).toHaveLength(20);
    expect(result.bestAccuracy).toBe(1);
  });

  it('takes numClasses, regularizers and the method', () => {
    const result = inferenceFromJson(
      { ...valid(), regularizers: [0.1, 0] },
      { method: 'cholesky' },
    );
    expect(result.regularizers).toEqual([0.1, 0]);
    expect(result.accuracies).toEqual([1, 1]);
    expect(result.bestRegularizer).toBe(0);
  });

  const cases: [string, (input: Record<string, unknown>) => unknown, string][] = [
    ['not an object', () => [1, 2], 'input: is an array of 2, expected a JSON object'],
    ['null', () => null, 'input: is null, expected a JSON object'],
    [
      'unknown field',
      (i) => ({ ...i, regularisers: [1] }),
      'regularisers: unknown field (expected kTrainTrain, kValTrain, trainLabels, valLabels, numClasses, regularizers)',
    ],
    [
      'missing K_tt',
      ({ kTrainTrain: _, ...rest }) => rest,
      'kTrainTrain: is missing, expected an array of rows',
    ],
    [
      'empty K_tt',
      (i) => ({ ...i, kTrainTrain: [] }),
      'kTrainTrain: is empty, expected at least one row',
    ],
    [
      'non-square K_tt',
      (i) => ({
        ...i,
        kTrainTrain: [
          [2, 1, 0],
          [1, 2],
          [0, 0, 2],
        ],
      }),
      'kTrainTrain: row 1 has 2 entries, expected 3 (square: n_t = 3 rows)',
    ],
    [
      'row not an array',
      (i) => ({ ...i, kTrainTrain: [[2, 1, 0], 5, [0, 0, 2]] }),
      'kTrainTrain: row 1 is 5, expected an array of numbers',
    ],
    [
      'NaN (null in JSON)',
      (i) => ({
        ...i,
        kTrainTrain: [
          [2, 1, 0],
          [1, null, 0],
          [0, 0, 2],
        ],
      }),
      'kTrainTrain: entry (1, 1) is null, expected a finite number',
    ],
    [
      'NaN in K_vt',
      (i) => ({
        ...i,
        kValTrain: [
          [1, 1, 0],
          [0, Number.NaN, 1],
        ],
      }),
      'kValTrain: entry (1, 1) is NaN, expected a finite number',
    ],
    [
      'string entry',
      (i) => ({
        ...i,
        kValTrain: [
          [1, '1', 0],
          [0, 0, 1],
        ],
      }),
      'kValTrain: entry (0, 1) is "1" (a string), expected a finite number',
    ],
    [
      'asymmetric K_tt',
      (i) => ({
        ...i,
        kTrainTrain: [
          [2, 1, 0],
          [1, 2, 0],
          [0.5, 0, 2],
        ],
      }),
      'kTrainTrain: not symmetric: entry (2, 0) is 0.5 but (0, 2) is 0',
    ],
    [
      'K_vt columns ≠ n_t',
      (i) => ({
        ...i,
        kValTrain: [
          [1, 1, 0],
          [0, 1],
        ],
      }),
      'kValTrain: row 1 has 2 entries, expected 3 (n_t)',
    ],
    [
      'empty K_vt',
      (i) => ({ ...i, kValTrain: [] }),
      'kValTrain: is empty, expected at least one row',
    ],
    [
      'train labels length',
      (i) => ({ ...i, trainLabels: [0, 1] }),
      'trainLabels: has 2 labels, expected 3 (n_t, the rows of kTrainTrain)',
    ],
    [
      'val labels length',
      (i) => ({ ...i, valLabels: [0, 1, 1] }),
      'valLabels: has 3 labels, expected 2 (n_v, the rows of kValTrain)',
    ],
    [
      'label out of range',
      (i) => ({ ...i, trainLabels: [0, 2, 1] }),
      'trainLabels: entry 1 is 2, expected an integer in [0, 2)',
    ],
    [
      'negative label',
      (i) => ({ ...i, valLabels: [0, -1] }),
      'valLabels: entry 1 is -1, expected an integer in [0, 2)',
    ],
    [
      'fractional label',
      (i) => ({ ...i, valLabels: [0.5, 1] }),
      'valLabels: entry 0 is 0.5, expected an integer in [0, 2)',
    ],
    [
      'label not a number',
      (i) => ({ ...i, valLabels: [0, '1'] }),
      'valLabels: entry 1 is "1" (a string), expected a number',
    ],
    [
      'labels not an array',
      (i) => ({ ...i, trainLabels: { 0: 1 } }),
      'trainLabels: is an object, expected an array of numbers',
    ],
    [
      'numClasses too small',
      (i) => ({ ...i, numClasses: 1 }),
      'numClasses: is 1, expected an integer ≥ 2',
    ],
    [
      'numClasses a string',
      (i) => ({ ...i, numClasses: '10' }),
      'numClasses: is "10" (a string), expected an integer ≥ 2',
    ],
    [
      'labels beyond default 10 classes',
      ({ numClasses: _, ...rest }) => ({ ...rest, trainLabels: [0, 10, 1] }),
      'trainLabels: entry 1 is 10, expected an integer in [0, 10)',
    ],
    [
      'empty regularizers',
      (i) => ({ ...i, regularizers: [] }),
      'regularizers: is empty, expected at least one value',
    ],
    [
      'negative regularizer',
      (i) => ({ ...i, regularizers: [1e-3, -1] }),
      'regularizers: entry 1 is -1, expected a finite number ≥ 0',
    ],
    [
      'regularizers not an array',
      (i) => ({ ...i, regularizers: 0.1 }),
      'regularizers: is 0.1, expected an array of numbers',
    ],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects: ${name}`, () => {
      expect(problem(mutate(valid()))).toBe(message);
    });
  }

  it('names the field on the error object', () => {
    try {
      inferenceFromJson({
        ...valid(),
        kValTrain: [
          [1, 1, 0],
          [0, 1],
        ],
      });
    } catch (error) {
      expect(error).toMatchObject({
        field: 'kValTrain',
        problem: 'row 1 has 2 entries, expected 3 (n_t)',
      });
    }
  });

  it('rejects a bad method or bandwidth', () => {
    expect(() => inferenceFromJson(valid(), { method: 'lu' as 'cholesky' })).toThrow(
      'method: is "lu" (a string), expected one of cholesky, banded',
    );
    expect(() => inferenceFromJson(valid(), { bandwidth: 0 })).toThrow(
      'bandwidth: is 0, expected an integer ≥ 1',
    );
  });

  it('the 100-point message of the issue', () => {
    const row = (n: number) => Array.from({ length: n }, () => 0);
    const kTrainTrain = Array.from({ length: 100 }, (_, i) =>
      row(100).map((_, j) => (i === j ? 1 : 0)),
    );
    const kValTrain = Array.from({ length: 5 }, (_, i) => row(i === 3 ? 99 : 100));
    expect(problem({ kTrainTrain, kValTrain, trainLabels: row(100), valLabels: row(5) })).toBe(
      'kValTrain: row 3 has 99 entries, expected 100 (n_t)',
    );
  });
});
