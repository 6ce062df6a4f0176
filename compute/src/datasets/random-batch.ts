import { DrawCapacityError } from './errors.ts';
import { createRandom, shuffle } from './random.ts';

/**
 * A seeded sample of `size` distinct items of `pool` (without replacement), e.g. the images of
 * the training-mode pass that sets batch-norm statistics. The pool is not modified; the sample
 * for a smaller size is a prefix of the sample for a larger one with the same seed.
 *
 * @example
 * randomBatch(train, 256, deriveSeed(seed, member)) // the batch for one ensemble member
 */
export function randomBatch(pool: readonly number[], size: number, seed: number): number[] {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`batch size must be a non-negative integer, got ${size}`);
  }
  if (size > pool.length) {
    throw new DrawCapacityError(
      'batch',
      size,
      pool.length,
      `the pool holds only ${pool.length} items (the sample is without replacement)`,
    );
  }
  return shuffle([...pool], createRandom(seed), size).slice(0, size);
}
