/**
 * A seeded source of uniform numbers in [0, 1). Values from `createRandom` are exact multiples
 * of 2^-32, computed with 32-bit integer arithmetic only, so a seed gives the same sequence on
 * every machine and JavaScript engine.
 */
export type Random = () => number;

const TWO_32 = 2 ** 32;

/**
 * A mulberry32 generator. Its state is 32 bits, so seeds are integers in [0, 2^32); seed s gives
 * the reference mulberry32 sequence for s.
 *
 * @example
 * const random = createRandom(42);
 * random(); // 0.6011037519201636, the same everywhere
 */
export function createRandom(seed: number): Random {
  checkSeed(seed, 'seed');
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  };
}

/**
 * A seed for an independent stream, derived from a seed and a path of stream numbers, so that
 * e.g. ensemble member 3 of seed 7 does not share a sequence with member 4 or with seed 8.
 *
 * @example
 * createRandom(deriveSeed(7, 3)); // the generator for stream 3 of seed 7
 */
export function deriveSeed(seed: number, ...path: number[]): number {
  checkSeed(seed, 'seed');
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  for (const [i, step] of path.entries()) {
    checkSeed(step, `path[${i}]`);
    // Mixing between steps makes (1, 2) and (2, 1) different streams.
    h = mix32((h ^ mix32((step + 0x7f4a7c15) >>> 0)) >>> 0);
  }
  return h;
}

// murmur3's 32-bit finaliser: every input bit affects every output bit.
function mix32(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function checkSeed(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_32) {
    throw new RangeError(`${name} must be an integer in [0, 2^32), got ${value}`);
  }
}

/**
 * A uniform integer in [0, n), without the bias of `Math.floor(random() * n)`: draws that fall
 * in the incomplete last block of 2^32 are rejected and redrawn.
 *
 * @example randomInt(createRandom(1), 6) // a die roll, 0-5
 */
export function randomInt(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
    throw new RangeError(`randomInt range must be an integer in [1, 2^32], got ${n}`);
  }
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const x = Math.floor(random() * TWO_32);
    if (x < limit) return x % n;
  }
}

/**
 * Fisher-Yates shuffle, in place, front to back: after it, the first `count` items (default
 * all) are a uniform random sample in random order, and they depend only on the first `count`
 * draws, so a shorter sample with the same generator state is a prefix of a longer one.
 *
 * @example shuffle([1, 2, 3, 4], createRandom(9)) // the same permutation every run
 */
export function shuffle<T>(items: T[], random: Random, count: number = items.length): T[] {
  if (!Number.isInteger(count) || count < 0 || count > items.length) {
    throw new RangeError(`shuffle count must be an integer in [0, ${items.length}], got ${count}`);
  }
  const last = Math.min(count, items.length - 1);
  for (let i = 0; i < last; i++) {
    const j = i + randomInt(random, items.length - i);
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
  return items;
}
