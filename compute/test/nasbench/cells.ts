import { INCEPTION_CELL } from '../../src/nasbench/examples.ts';

/** The Inception-like cell, as mutable arrays for tests that vary it. */
export const INCEPTION = {
  ...INCEPTION_CELL,
  matrix: INCEPTION_CELL.matrix.map((row) => [...row]),
  ops: [...INCEPTION_CELL.ops] as string[],
};
