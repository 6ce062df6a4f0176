import { createRandom, deriveSeed, type Random, randomInt } from '../datasets/random.ts';
import type { MnasBlockInput } from './block.ts';
import {
  BASELINE,
  CONV_OPS,
  FILTER_MULTIPLIERS,
  KERNELS,
  LAYER_DELTAS,
  SE_RATIOS,
  SKIP_OPS,
} from './choices.ts';
import { MnasSpec } from './spec.ts';

/** The sampler's stream of a seed ("mnas" in ASCII), apart from other samplers given the same seed. */
const STREAM = 0x6d6e6173;

/**
 * `count` distinct specs drawn uniformly from the search space: every choice of every block
 * independently and uniformly (ConvOp, kernel, SE ratio, skip op, filter multiplier, layer
 * change). A draw whose canonical form was drawn before (same hash) is dropped and drawn again, so
 * the result holds `count` distinct hashes; the space has about 10^18 networks, so this is rare.
 * The same (count, seed) gives the same list on every machine, and a shorter list is a prefix of
 * a longer one.
 *
 * @example sampleMnas(10_000, 0).map((spec) => spec.encode())
 */
export function sampleMnas(count: number, seed: number): MnasSpec[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const random = createRandom(deriveSeed(seed, STREAM));
  const seen = new Set<string>();
  const specs: MnasSpec[] = [];
  while (specs.length < count) {
    const spec = new MnasSpec(BASELINE.map(() => randomBlock(random)));
    if (seen.has(spec.hash())) continue;
    seen.add(spec.hash());
    specs.push(spec);
  }
  return specs;
}

function randomBlock(random: Random): MnasBlockInput {
  const pick = <T>(values: readonly T[]): T => values[randomInt(random, values.length)] as T;
  return {
    convOp: pick(CONV_OPS),
    kernel: pick(KERNELS),
    se: pick(SE_RATIOS),
    skip: pick(SKIP_OPS),
    filterMultiplier: pick(FILTER_MULTIPLIERS),
    layerDelta: pick(LAYER_DELTAS),
  };
}
