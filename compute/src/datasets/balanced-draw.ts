import { DrawCapacityError } from './errors.ts';
import { CIFAR10_CLASSES } from './format.ts';
import { createRandom, deriveSeed, shuffle } from './random.ts';

export interface DrawOptions {
  nTrain: number;
  nVal: number;
  seed: number;
  /** Number of classes; labels must lie in [0, classes). Default 10. */
  classes?: number;
}

/** Indices into the labelled pool. */
export interface Splits {
  train: number[];
  val: number[];
}

/** How much a pool can supply to each split; it depends on the labels only, not on the seed. */
export interface SplitCapacity {
  /** Largest nTrain a draw accepts. */
  train: number;
  /** Largest nVal a draw accepts. */
  val: number;
  /** Largest nTrain whose per-class counts still differ by at most 1. */
  balancedTrain: number;
  /** Largest nVal whose per-class counts still differ by at most 1. */
  balancedVal: number;
}

// Stream numbers under the draw's seed: the class order and each class's permutation come from
// separate generators, so one class's size does not shift another class's permutation.
const CLASS_ORDER_STREAM = 0;
const classStream = (label: number) => 1 + label;

/**
 * Seeded, label-balanced, nested train and validation subsets of a labelled pool.
 *
 * The split rule: each class's pool indices get a seeded permutation; its even positions
 * (0, 2, 4, …) form the class's training part and its odd positions its validation part. So a
 * class of n images offers ceil(n/2) to training and floor(n/2) to validation, whatever nTrain
 * and nVal are, and the two splits never share an index. Each split is then read round-robin
 * over the classes in one seeded class order, skipping classes whose part is used up. Hence:
 * - nested: the draw for n is the first n of the draw for any larger n, and does not depend on
 *   the other split's size (kernels of smaller configurations are sub-blocks of larger ones);
 * - balanced: every prefix has per-class counts within 1 of each other up to the balanced
 *   capacity; beyond it (an uneven pool) the classes that still have images keep alternating;
 * - capacity: nTrain up to the sum of ceil(n_c/2), nVal up to the sum of floor(n_c/2)
 *   (25,000 each for the full CIFAR-10 training set).
 *
 * @example
 * const { labels } = await loadCifar10(files);
 * const { train, val } = drawSplits(labels, { nTrain: 500, nVal: 200, seed: 0 });
 * // drawSplits(labels, { nTrain: 100, nVal: 1000, seed: 0 }).train equals train.slice(0, 100)
 */
export function drawSplits(labels: Uint8Array, options: DrawOptions): Splits {
  const { nTrain, nVal, seed } = options;
  const classes = options.classes ?? CIFAR10_CLASSES;
  checkCount(nTrain, 'nTrain');
  checkCount(nVal, 'nVal');
  const parts = classParts(labels, classes, seed);
  const capacity = capacityOf(parts);
  if (nTrain > capacity.train) {
    throw new DrawCapacityError(
      'training',
      nTrain,
      capacity.train,
      explain('train', capacity, labels.length),
    );
  }
  if (nVal > capacity.val) {
    throw new DrawCapacityError(
      'validation',
      nVal,
      capacity.val,
      explain('val', capacity, labels.length),
    );
  }
  return { train: interleave(parts.train, nTrain, seed), val: interleave(parts.val, nVal, seed) };
}

/**
 * One class's members in the draw's seeded order (stream 1 + label under `seed`), shuffled in
 * place. Exported, with `alternate` and `interleave`, for the image-folder draw: its classes are
 * folders of files rather than a label array, but it must follow the same rule.
 *
 * @example permuteClass([0, 1, 2, 3], 7, seed) // the order drawSplits gives class 7's members
 */
export function permuteClass(members: number[], label: number, seed: number): number[] {
  return shuffle(members, createRandom(deriveSeed(seed, classStream(label))));
}

/**
 * The alternating split rule: a permuted class's even positions go to training, its odd
 * positions to validation.
 *
 * @example alternate([5, 2, 9, 4, 7]) // { train: [5, 9, 7], val: [2, 4] }
 */
export function alternate(permuted: readonly number[]): { train: number[]; val: number[] } {
  return {
    train: permuted.filter((_, position) => position % 2 === 0),
    val: permuted.filter((_, position) => position % 2 === 1),
  };
}

/**
 * The first `n` items of the classes' parts read round-robin in the draw's seeded class order
 * (stream 0 under `seed`), skipping parts that are used up.
 *
 * @example interleave([[3, 8], [1, 6]], 3, seed) // e.g. [1, 3, 6]: one per class per round
 */
export function interleave(
  parts: readonly (readonly number[])[],
  n: number,
  seed: number,
): number[] {
  const available = parts.reduce((sum, part) => sum + part.length, 0);
  if (!Number.isSafeInteger(n) || n < 0 || n > available) {
    throw new RangeError(`cannot interleave ${n} items from parts holding ${available}`);
  }
  const order = shuffle(
    Array.from({ length: parts.length }, (_, c) => c),
    createRandom(deriveSeed(seed, CLASS_ORDER_STREAM)),
  );
  return roundRobin(
    order.map((c) => parts[c] as readonly number[]),
    n,
  );
}

/**
 * What a pool can supply to `drawSplits`, per split.
 *
 * @example splitCapacity(labels) // { train: 25000, val: 25000, balancedTrain: 25000, balancedVal: 25000 } for the full training set
 */
export function splitCapacity(
  labels: Uint8Array,
  classes: number = CIFAR10_CLASSES,
): SplitCapacity {
  // The sizes of the parts do not depend on the permutations, so any seed gives the same answer.
  return capacityOf(classParts(labels, classes, 0));
}

interface ClassParts {
  train: number[][];
  val: number[][];
}

function classParts(labels: Uint8Array, classes: number, seed: number): ClassParts {
  if (!Number.isInteger(classes) || classes < 1 || classes > 256) {
    throw new RangeError(`classes must be an integer in [1, 256], got ${classes}`);
  }
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (const [i, label] of labels.entries()) {
    const members = byClass[label];
    if (members === undefined) {
      throw new RangeError(`label ${label} at pool index ${i} is not a class (0-${classes - 1})`);
    }
    members.push(i);
  }
  const train: number[][] = [];
  const val: number[][] = [];
  for (const [c, members] of byClass.entries()) {
    const part = alternate(permuteClass(members, c, seed));
    train.push(part.train);
    val.push(part.val);
  }
  return { train, val };
}

function capacityOf(parts: ClassParts): SplitCapacity {
  return {
    train: total(parts.train),
    val: total(parts.val),
    balancedTrain: balanced(parts.train),
    balancedVal: balanced(parts.val),
  };
}

function total(parts: number[][]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}

// Round-robin keeps counts within 1 until the smallest part (size m) runs out; the round after
// it still adds at most one image to each class, so the balanced prefix is sum of min(n_c, m+1).
function balanced(parts: number[][]): number {
  const smallest = Math.min(...parts.map((part) => part.length));
  return parts.reduce((sum, part) => sum + Math.min(part.length, smallest + 1), 0);
}

function roundRobin(parts: readonly (readonly number[])[], n: number): number[] {
  const out: number[] = [];
  for (let round = 0; out.length < n; round++) {
    for (const part of parts) {
      if (out.length === n) break;
      const index = part[round];
      if (index !== undefined) out.push(index);
    }
  }
  return out;
}

function explain(split: 'train' | 'val', capacity: SplitCapacity, pool: number): string {
  const [name, rule, balancedN] =
    split === 'train'
      ? ['training', 'even', capacity.balancedTrain]
      : ['validation', 'odd', capacity.balancedVal];
  return (
    `the pool of ${pool} labelled images holds ${capacity[split]} for ${name} ` +
    `(the ${rule} positions of each class's seeded permutation; ` +
    `per-class counts stay within 1 up to ${balancedN})`
  );
}

function checkCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
