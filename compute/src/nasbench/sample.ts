import { createRandom, randomInt } from '../datasets/random.ts';
import { SpecError } from './errors.ts';
import { INPUT, INTERIOR_OPERATIONS, MAX_VERTICES, OUTPUT } from './operations.ts';
import { ModelSpec } from './spec.ts';

/**
 * `count` distinct valid cells drawn as NAS-Bench-101's random search does (random_spec): a 7×7
 * upper-triangular 0/1 matrix and random interior operations, redrawn until the pruned cell is
 * valid; duplicates (same hash) are skipped. Returned in NAS-Bench-101's stored numbering.
 *
 * @example sampleSpecs(250, 0).map((spec) => spec.hash())
 */
export function sampleSpecs(count: number, seed: number, maxHashes?: number): ModelSpec[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const specs: ModelSpec[] = [];
  if (maxHashes !== undefined && count > maxHashes) {
    throw new RangeError(`cannot draw ${count} distinct cells from ${maxHashes}`);
  }
  while (specs.length < count) {
    const n = MAX_VERTICES;
    const matrix = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j > i ? randomInt(random, 2) : 0)),
    );
    const ops = Array.from({ length: n }, (_, v) =>
      v === 0
        ? INPUT
        : v === n - 1
          ? OUTPUT
          : (INTERIOR_OPERATIONS[randomInt(random, INTERIOR_OPERATIONS.length)] as string),
    );
    let spec: ModelSpec;
    try {
      spec = new ModelSpec(matrix, ops);
    } catch (error) {
      if (error instanceof SpecError) continue;
      throw error;
    }
    if (seen.has(spec.hash())) continue;
    seen.add(spec.hash());
    specs.push(spec.canonical());
  }
  return specs;
}
