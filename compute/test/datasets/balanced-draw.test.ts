import { beforeAll, describe, expect, it } from 'vitest';
import {
  DrawCapacityError,
  drawSplits,
  loadCifar10,
  splitCapacity,
} from '../../src/datasets/index.ts';
import { EXPECTED, TRAIN_FILE } from './helpers.ts';

let subset: Uint8Array; // labels of the shared 4000-image subset (classes of 366 to 422)

beforeAll(async () => {
  subset = (await loadCifar10([TRAIN_FILE])).labels;
});

/** A pool with the given number of images per class, labels interleaved. */
function pool(perClass: number[]): Uint8Array {
  const labels: number[] = [];
  const left = [...perClass];
  while (left.some((n) => n > 0)) {
    for (const [c, n] of left.entries()) {
      if (n > 0) {
        labels.push(c);
        left[c] = n - 1;
      }
    }
  }
  return Uint8Array.from(labels);
}

function classCounts(labels: Uint8Array, indices: number[], classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices)
    counts[labels[i] as number] = (counts[labels[i] as number] as number) + 1;
  return counts;
}

/** Largest minus smallest per-class count of every prefix, checked one item at a time. */
function worstPrefixSpread(labels: Uint8Array, indices: number[], classes = 10): number {
  const counts = new Array<number>(classes).fill(0);
  let worst = 0;
  for (const i of indices) {
    counts[labels[i] as number] = (counts[labels[i] as number] as number) + 1;
    worst = Math.max(worst, Math.max(...counts) - Math.min(...counts));
  }
  return worst;
}

const SEEDS = [0, 1, 2, 3, 17, 42, 1234, 2 ** 32 - 1];

describe('drawSplits on the 4000-image subset', () => {
  it('reports the capacity of the alternating split rule', () => {
    const counts = EXPECTED.train.classCounts;
    const train = counts.reduce((sum, n) => sum + Math.ceil(n / 2), 0);
    const val = counts.reduce((sum, n) => sum + Math.floor(n / 2), 0);
    // Smallest class: 366 images → 183 each way; balanced prefixes reach 10·183 + 9 per split.
    expect(splitCapacity(subset)).toEqual({ train, val, balancedTrain: 1839, balancedVal: 1839 });
    expect([train, val]).toEqual([2002, 1998]);
  });

  it('draws disjoint, duplicate-free indices into the pool', () => {
    for (const seed of SEEDS) {
      // 4 classes have an odd size, so training gets 2002 and validation 1998: the whole pool.
      const { train, val } = drawSplits(subset, { nTrain: 2002, nVal: 1998, seed });
      expect(train).toHaveLength(2002);
      expect(val).toHaveLength(1998);
      const all = new Set([...train, ...val]);
      expect(all.size).toBe(4000);
      for (const i of all) expect(Number.isInteger(i) && i >= 0 && i < 4000).toBe(true);
    }
  });

  it('nests: every smaller draw is a prefix, whatever the other split’s size', () => {
    const sizes = [0, 1, 9, 10, 11, 100, 200, 500, 1000, 1839, 1840, 1998];
    for (const seed of SEEDS) {
      const largest = drawSplits(subset, { nTrain: 2002, nVal: 1998, seed });
      for (const nTrain of [...sizes, 2002]) {
        for (const nVal of [0, 7, 200, 1998]) {
          const { train, val } = drawSplits(subset, { nTrain, nVal, seed });
          expect(train).toEqual(largest.train.slice(0, nTrain));
          expect(val).toEqual(largest.val.slice(0, nVal));
        }
      }
    }
  });

  it('keeps every prefix within 1 per class up to the balanced capacity', () => {
    const { balancedTrain, balancedVal } = splitCapacity(subset);
    for (const seed of SEEDS) {
      const { train, val } = drawSplits(subset, { nTrain: balancedTrain, nVal: balancedVal, seed });
      expect(worstPrefixSpread(subset, train)).toBe(1);
      expect(worstPrefixSpread(subset, val)).toBe(1);
      // Each full round of 10 holds one image of every class.
      expect(classCounts(subset, train.slice(0, 500))).toEqual(new Array(10).fill(50));
      // One more and the smallest class (366 images) has run out.
      const more = drawSplits(subset, { nTrain: balancedTrain + 1, nVal: 0, seed }).train;
      expect(worstPrefixSpread(subset, more)).toBe(2);
    }
  });

  it('is deterministic, and different seeds give different draws and class orders', () => {
    const a = drawSplits(subset, { nTrain: 500, nVal: 200, seed: 0 });
    expect(drawSplits(subset, { nTrain: 500, nVal: 200, seed: 0 })).toEqual(a);
    // Pinned so a change of PRNG or split rule cannot slip through: stored kernels depend on it.
    expect(a.train.slice(0, 10)).toEqual(PINNED_TRAIN_SEED_0);
    expect(a.val.slice(0, 10)).toEqual(PINNED_VAL_SEED_0);
    const firstRounds = new Set<string>();
    for (const seed of SEEDS) {
      const { train } = drawSplits(subset, { nTrain: 500, nVal: 0, seed });
      firstRounds.add(train.slice(0, 10).join());
      if (seed !== 0) expect(train).not.toEqual(a.train);
      const classOrder = train.slice(0, 10).map((i) => subset[i]);
      expect(new Set(classOrder).size).toBe(10);
    }
    expect(firstRounds.size).toBe(SEEDS.length);
  });

  it('refuses a request beyond the capacity, stating it', () => {
    const { train, val } = splitCapacity(subset);
    expect(() => drawSplits(subset, { nTrain: train, nVal: val, seed: 0 })).not.toThrow();
    let error: unknown;
    try {
      drawSplits(subset, { nTrain: 2500, nVal: 10, seed: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DrawCapacityError);
    expect(error).toMatchObject({ what: 'training', requested: 2500, capacity: train });
    expect((error as Error).message).toBe(
      `cannot draw 2500 training items: the pool of 4000 labelled images holds ${train} for ` +
        "training (the even positions of each class's seeded permutation; per-class counts " +
        'stay within 1 up to 1839)',
    );
    expect(() => drawSplits(subset, { nTrain: 10, nVal: val + 1, seed: 0 })).toThrow(
      `cannot draw ${val + 1} validation items: the pool of 4000 labelled images holds ${val} ` +
        'for validation (the odd positions',
    );
  });
});

describe('drawSplits on synthetic pools', () => {
  it('splits the full CIFAR-10 training set 25,000 / 25,000, exactly balanced per round', () => {
    const full = pool(new Array(10).fill(5000));
    expect(splitCapacity(full)).toEqual({
      train: 25_000,
      val: 25_000,
      balancedTrain: 25_000,
      balancedVal: 25_000,
    });
    const { train, val } = drawSplits(full, { nTrain: 8000, nVal: 1000, seed: 3 });
    expect(classCounts(full, train)).toEqual(new Array(10).fill(800));
    expect(classCounts(full, val)).toEqual(new Array(10).fill(100));
    expect(worstPrefixSpread(full, train)).toBe(1);
  });

  it('keeps drawing from the classes left once a class runs out', () => {
    const uneven = pool([2, 10, 30]); // training parts 1, 5, 15; validation parts 1, 5, 15
    expect(splitCapacity(uneven, 3)).toEqual({
      train: 21,
      val: 21,
      balancedTrain: 5,
      balancedVal: 5,
    });
    for (const seed of SEEDS) {
      const { train } = drawSplits(uneven, { nTrain: 21, nVal: 21, seed, classes: 3 });
      // Max-min fairness: a class behind another's count has nothing left to give.
      for (let n = 1; n <= 21; n++) {
        const counts = classCounts(uneven, train.slice(0, n), 3);
        const top = Math.max(...counts);
        for (const [c, count] of counts.entries()) {
          if (count < top - 1) expect(count).toBe([1, 5, 15][c]);
        }
      }
      expect(classCounts(uneven, train, 3)).toEqual([1, 5, 15]);
    }
  });

  it('handles a class with no images and odd class sizes', () => {
    const labels = pool([0, 3, 3]);
    expect(splitCapacity(labels, 3)).toEqual({
      train: 4,
      val: 2,
      balancedTrain: 2,
      balancedVal: 2,
    });
    const { train, val } = drawSplits(labels, { nTrain: 4, nVal: 2, seed: 9, classes: 3 });
    expect(classCounts(labels, train, 3)).toEqual([0, 2, 2]);
    expect(classCounts(labels, val, 3)).toEqual([0, 1, 1]);
  });

  it('rejects labels outside the classes and bad sizes', () => {
    expect(() => drawSplits(Uint8Array.of(0, 1, 12), { nTrain: 1, nVal: 1, seed: 0 })).toThrow(
      'label 12 at pool index 2 is not a class (0-9)',
    );
    const labels = pool([4, 4]);
    expect(() => drawSplits(labels, { nTrain: -1, nVal: 0, seed: 0, classes: 2 })).toThrow(
      'nTrain must be a non-negative integer, got -1',
    );
    expect(() => drawSplits(labels, { nTrain: 1, nVal: 0.5, seed: 0, classes: 2 })).toThrow(
      'nVal must be a non-negative integer, got 0.5',
    );
    expect(() => drawSplits(labels, { nTrain: 1, nVal: 1, seed: -1, classes: 2 })).toThrow(
      'must be an integer in [0, 2^32)',
    );
    expect(() => splitCapacity(labels, 0)).toThrow('classes must be an integer in [1, 256], got 0');
  });
});

const PINNED_TRAIN_SEED_0 = [2793, 1420, 460, 439, 3410, 662, 2198, 2833, 1388, 1145];
const PINNED_VAL_SEED_0 = [419, 124, 1683, 1424, 1653, 3035, 1696, 121, 435, 2765];
