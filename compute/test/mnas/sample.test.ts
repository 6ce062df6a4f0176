import { describe, expect, it } from 'vitest';
import { createRandom, randomInt } from '../../src/datasets/random.ts';
import {
  BASELINE,
  CONV_OPS,
  FILTER_MULTIPLIERS,
  KERNELS,
  LAYER_DELTAS,
  type MnasBlock,
  type MnasBlockInput,
  MnasSpec,
  mnasNetwork,
  roundFilters,
  SE_RATIOS,
  SKIP_OPS,
  sampleMnas,
} from '../../src/mnas/index.ts';
import { blocksNetwork } from '../../src/mnas/network.ts';
import type { NetworkGraph } from '../../src/network/index.ts';

const COUNT = 10_000;
const specs = sampleMnas(COUNT, 0);

/** Everything a graph computes, node by node, with its parameters' names and shapes. */
function fingerprint(graph: NetworkGraph): string {
  return JSON.stringify([graph.nodes, graph.parameters.map((p) => [p.name, p.shape])]);
}

describe('sampleMnas', () => {
  it('draws 10,000 distinct specs, the same list for the same seed and another for another', () => {
    expect(specs).toHaveLength(COUNT);
    expect(new Set(specs.map((s) => s.hash())).size).toBe(COUNT);
    const again = sampleMnas(COUNT, 0).map((s) => s.encode());
    expect(again).toEqual(specs.map((s) => s.encode()));
    const other = sampleMnas(100, 1).map((s) => s.encode());
    expect(other.filter((e, i) => e === specs[i]?.encode())).toHaveLength(0);
    // A shorter draw is a prefix of a longer one.
    expect(sampleMnas(10, 0).map((s) => s.hash())).toEqual(specs.slice(0, 10).map((s) => s.hash()));
  });

  it('gives valid specs whose encodings parse back to themselves', () => {
    for (const spec of specs) {
      const parsed = MnasSpec.parse(spec.encode());
      expect(parsed.encode()).toBe(spec.encode());
      expect(parsed.hash()).toBe(spec.hash());
      expect(new MnasSpec(spec.original).hash()).toBe(spec.hash());
    }
  });

  it('draws every choice of every block about uniformly', () => {
    // The drawn choices are the specs' `original` blocks (before canonicalisation); a width or
    // depth is expected as often as the choices that give it (0.75 and 1 both keep 16 filters).
    const expectations: [string, (b: MnasBlock) => unknown, (i: number) => Map<unknown, number>][] =
      [
        ['convOp', (b) => b.convOp, () => uniform(CONV_OPS)],
        ['kernel', (b) => b.kernel, () => uniform(KERNELS)],
        ['se', (b) => b.se, () => uniform(SE_RATIOS)],
        ['skip', (b) => b.skip, () => uniform(SKIP_OPS)],
        [
          'filters',
          (b) => b.filters,
          (i) => uniform(FILTER_MULTIPLIERS.map((m) => roundFilters(BASELINE[i]?.filters ?? 0, m))),
        ],
        [
          'layers',
          (b) => b.layers,
          (i) => uniform(LAYER_DELTAS.map((d) => Math.max(1, (BASELINE[i]?.layers ?? 0) + d))),
        ],
      ];
    for (let i = 0; i < BASELINE.length; i++) {
      for (const [field, value, expected] of expectations) {
        const counts = new Map<unknown, number>();
        for (const spec of specs) {
          const v = value(spec.original[i] as MnasBlock);
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        const p = expected(i);
        expect([...counts.keys()].sort(), `block ${i + 1} ${field}`).toEqual([...p.keys()].sort());
        // One binomial standard deviation is at most 0.005 here: 0.025 is 5 of them.
        for (const [v, share] of p) {
          expect(
            Math.abs((counts.get(v) ?? 0) / COUNT - share),
            `block ${i + 1} ${field} ${v}`,
          ).toBeLessThan(0.025);
        }
      }
    }
  });

  it('hashes two specs the same exactly when they build the same network (randomised)', () => {
    const random = createRandom(11);
    for (const spec of sampleMnas(150, 5)) {
      const blocks: MnasBlockInput[] = spec.original.map((b) => ({ ...b }));
      const b = randomInt(random, BASELINE.length);
      // Half the time make a stride-1 block keep the previous width, so its first layer can take
      // an identity and a pooling skip folds into one.
      if ((BASELINE[b]?.stride ?? 1) === 1 && randomInt(random, 2) === 1) {
        (blocks[b] as MnasBlockInput).filters = b === 0 ? 32 : (blocks[b - 1]?.filters as number);
      }
      const variants = SKIP_OPS.map((skip) => {
        const changed = blocks.map((x, i) => (i === b ? { ...x, skip } : x));
        const variant = new MnasSpec(changed);
        // The canonical blocks build what the blocks as given build.
        const given = fingerprint(blocksNetwork(variant.original, { imageSize: 36 }));
        expect(fingerprint(mnasNetwork(variant, { imageSize: 36 }))).toBe(given);
        expect(variant.canonical().hash()).toBe(variant.hash());
        return { hash: variant.hash(), network: given };
      });
      for (const x of variants)
        for (const y of variants) expect(x.hash === y.hash).toBe(x.network === y.network);
    }
  });
});

function uniform<T>(values: readonly T[]): Map<T, number> {
  const p = new Map<T, number>();
  for (const v of values) p.set(v, (p.get(v) ?? 0) + 1 / values.length);
  return p;
}
