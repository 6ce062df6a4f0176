import { createRandom, deriveSeed, shuffle } from '../datasets/random.ts';
import { MetricsInputError } from './errors.ts';
import { describe, type Series } from './validate.ts';

/**
 * Indices of architectures (positions in the series an analysis reads). Every analysis takes an
 * optional `subset` of these, so "within the < 10M cluster" is one call with the indices that
 * {@link filterArchitectures} (or any filter of the caller's) returns.
 */
export type Subset = ArrayLike<number>;

/** How to draw the random subsets of discovered performance. */
export interface RandomSubsets {
  /** R, the number of subsets (paper: 10). */
  count: number;
  /** S, architectures per subset (paper: 10,000). */
  size: number;
  seed: number;
}

/** The paper's setting: R = 10 subsets of S = 10,000, seed 0. */
export const PAPER_SUBSETS: Readonly<RandomSubsets> = Object.freeze({
  count: 10,
  size: 10_000,
  seed: 0,
});

/**
 * R subsets of S distinct indices in [0, n), each a uniform sample without replacement in random
 * order (the order matters: discovery breaks ties at the k-th place by it). Subset r depends only
 * on (seed, r), so changing R keeps the first subsets.
 *
 * @throws MetricsInputError when S > n or a count is not a positive integer.
 * @example randomSubsets({ count: 10, size: 10_000, seed: 0 }, 423_624) // 10 × Uint32Array(10000)
 */
export function randomSubsets(spec: RandomSubsets, n: number): Uint32Array[] {
  positiveInteger('subsets.count', spec.count);
  positiveInteger('subsets.size', spec.size);
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed >= 2 ** 32)
    throw new MetricsInputError(
      'subsets.seed',
      `is ${describe(spec.seed)}, expected an integer in [0, 2^32)`,
    );
  if (spec.size > n)
    throw new MetricsInputError(
      'subsets.size',
      `is ${spec.size}, more than the ${n} architectures to draw from`,
    );
  return Array.from({ length: spec.count }, (_, r) => {
    const indices = Array.from({ length: n }, (_, i) => i);
    shuffle(indices, createRandom(deriveSeed(spec.seed, r)), spec.size);
    return Uint32Array.from(indices.slice(0, spec.size));
  });
}

/**
 * A subset given by the caller: non-empty, distinct integer indices in [0, n).
 *
 * @example checkSubset('subsets[2]', [0, 5, 9], 10) // ok; [0, 0] throws "entry 1 repeats 0"
 */
export function checkSubset(field: string, subset: unknown, n: number): asserts subset is Subset {
  if (!Array.isArray(subset) && !(subset instanceof Uint32Array) && !(subset instanceof Int32Array))
    throw new MetricsInputError(field, `is ${describe(subset)}, expected an array of indices`);
  if (subset.length === 0) throw new MetricsInputError(field, 'is empty, expected indices');
  const seen = new Uint8Array(n);
  for (let i = 0; i < subset.length; i++) {
    const index = subset[i];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= n)
      throw new MetricsInputError(
        field,
        `entry ${i} is ${describe(index)}, expected an index in [0, ${n})`,
      );
    if (seen[index]) throw new MetricsInputError(field, `entry ${i} repeats index ${index}`);
    seen[index] = 1;
  }
}

/**
 * The values at `subset` (all of them, copied, when it is undefined).
 *
 * @example restrict([5, 6, 7, 8], [3, 0]) // Float64Array [8, 5]
 */
export function restrict(values: Series, subset?: Subset): Float64Array {
  if (subset === undefined) return Float64Array.from(values);
  const out = new Float64Array(subset.length);
  for (let i = 0; i < subset.length; i++) out[i] = values[subset[i] as number] as number;
  return out;
}

/** What an architecture filter reads, one entry per architecture. */
export interface ArchitectureAttributes {
  sizeCluster?: ArrayLike<number | null>;
  residualConnections?: ArrayLike<number>;
  trainableParameters?: ArrayLike<number>;
}

/** Inclusive bounds; a missing end is open. */
export interface Bounds {
  min?: number;
  max?: number;
}

/** The paper's filters: size clusters, a residual-count range, a parameter range. */
export interface ArchitectureFilter {
  sizeClusters?: readonly number[];
  residualConnections?: Bounds;
  trainableParameters?: Bounds;
}

/**
 * The indices of the architectures that pass every given part of `filter`, in order.
 *
 * @throws MetricsInputError when the filter reads an attribute that is not given.
 * @example
 * filterArchitectures({ sizeCluster: clusters }, { sizeClusters: [0] }) // the < 10M cluster
 */
export function filterArchitectures(
  attributes: ArchitectureAttributes,
  filter: ArchitectureFilter,
  n: number,
): Uint32Array {
  const clusters = filter.sizeClusters ? new Set(filter.sizeClusters) : null;
  const need = <T>(name: keyof ArchitectureAttributes, values: ArrayLike<T> | undefined) => {
    if (values === undefined)
      throw new MetricsInputError(name, 'is needed by the filter but was not given');
    if (values.length !== n)
      throw new MetricsInputError(name, `has ${values.length} values, expected ${n}`);
    return values;
  };
  const sizeCluster = clusters ? need('sizeCluster', attributes.sizeCluster) : null;
  const residuals = filter.residualConnections
    ? need('residualConnections', attributes.residualConnections)
    : null;
  const parameters = filter.trainableParameters
    ? need('trainableParameters', attributes.trainableParameters)
    : null;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (clusters && !clusters.has(sizeCluster?.[i] as number)) continue;
    if (residuals && !within(residuals[i] as number, filter.residualConnections)) continue;
    if (parameters && !within(parameters[i] as number, filter.trainableParameters)) continue;
    kept.push(i);
  }
  return Uint32Array.from(kept);
}

function within(value: number, bounds: Bounds | undefined): boolean {
  return (
    (bounds?.min === undefined || value >= bounds.min) &&
    (bounds?.max === undefined || value <= bounds.max)
  );
}

function positiveInteger(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new MetricsInputError(field, `is ${describe(value)}, expected a positive integer`);
}
