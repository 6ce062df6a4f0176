import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/datasets/random.ts';
import { MNASNET_A1, type MnasSpec, mnasNetwork, sampleMnas } from '../../src/mnas/index.ts';
import { OnnxFeatureEngine } from '../../src/network/onnx/index.ts';
import { startBackend } from '../../src/network/tfjs/index.ts';
import { estimateSeedKernel } from '../../src/nngp/kernel-estimation.ts';
import { relativeDifference } from '../support/relative-difference.ts';

/** Images whose features are compared. */
const BATCH = 2;
/**
 * Images of the training-mode pass that sets batch-norm statistics. Not 2: at 32×32 the last
 * blocks are 1×1, and a batch norm over 2 values per channel turns float rounding in their
 * difference into percent-level changes (measured: tfjs cpu and wasm differ by 2.6% there, every
 * engine pair agrees within 3e-5 with 8).
 */
const BN_BATCH = [7, 1, 4, 0, 6, 2, 5, 3];
const SAMPLES = sampleMnas(3, 2);
/** The paper's 10,000 networks (seed 0), and the fewest of them that show every choice. */
const PAPER_SAMPLE = sampleMnas(10_000, 0);
const COVER = choiceCover(PAPER_SAMPLE);
// 32: the usual reduced resolution; 36: odd sizes (9 → 5 → 3 → 2) meet every stride-2 layer.
const SIZES = [32, 36];
const SPECS: { name: string; spec: MnasSpec; sizes: readonly number[] }[] = [
  { name: 'MnasNet-A1', spec: MNASNET_A1, sizes: SIZES },
  ...SAMPLES.map((spec, i) => ({ name: `sample ${i} of seed 2`, spec, sizes: SIZES })),
  ...COVER.map((i) => ({
    name: `network ${i} of the 10,000`,
    spec: PAPER_SAMPLE[i] as MnasSpec,
    sizes: [32],
  })),
];

/** Each block's choices as `block:field=value` keys (of the canonical blocks, which are built). */
function choices(spec: MnasSpec): string[] {
  return spec.blocks.flatMap((b, i) =>
    (['convOp', 'kernel', 'se', 'skip', 'filters', 'layers'] as const).map(
      (field) => `${i}:${field}=${b[field]}`,
    ),
  );
}

/**
 * Positions of networks that together show every choice any network of `specs` makes, each
 * block's separately (greedy set cover: each pick adds the most choices not yet shown).
 */
function choiceCover(specs: readonly MnasSpec[]): number[] {
  const keys = specs.map((spec) => new Set(choices(spec)));
  const missing = new Set(keys.flatMap((k) => [...k]));
  const picked: number[] = [];
  while (missing.size > 0) {
    let best = 0;
    let gain = -1;
    keys.forEach((k, i) => {
      let g = 0;
      for (const key of k) if (missing.has(key)) g++;
      if (g > gain) [best, gain] = [i, g];
    });
    picked.push(best);
    for (const key of keys[best] as Set<string>) missing.delete(key);
  }
  return picked;
}

function images(size: number): Float32Array {
  const random = createRandom(size);
  return Float32Array.from({ length: BN_BATCH.length * size * size * 3 }, () => random() * 4 - 2);
}

describe('the 10,000 sampled networks', () => {
  it('every one builds at 32×32, and a few of them show every choice of every block', () => {
    for (const spec of PAPER_SAMPLE) {
      const graph = mnasNetwork(spec, { imageSize: 32 });
      expect(new Set(graph.parameters.map((p) => p.name)).size).toBe(graph.parameters.length);
    }
    const shown = new Set(COVER.flatMap((i) => choices(PAPER_SAMPLE[i] as MnasSpec)));
    expect(shown).toEqual(new Set(PAPER_SAMPLE.flatMap(choices)));
    // 7 blocks × (4 ops, 2 kernels, 2 SE ratios, 3 skips, 2–3 widths, 3 depths) less the
    // combinations the canonical form folds: a handful of networks, each run below.
    expect(COVER.length).toBeLessThan(20);
  });
});

describe('the sampled networks cover the search space', () => {
  it('use every ConvOp, kernel, SE ratio and skip op, pooling shortcuts with projections', () => {
    const blocks = SPECS.flatMap(({ spec }) => spec.blocks);
    expect(new Set(blocks.map((b) => b.convOp))).toEqual(new Set(['conv', 'sep', 'mb3', 'mb6']));
    expect(new Set(blocks.map((b) => b.kernel))).toEqual(new Set([3, 5]));
    expect(new Set(blocks.map((b) => b.se))).toEqual(new Set([0, 0.25]));
    expect(new Set(blocks.map((b) => b.skip))).toEqual(new Set(['none', 'pool', 'id']));
    const layers = SPECS.flatMap(({ spec }) => spec.layers());
    expect(layers.some((l) => l.shortcut === 'pool' && l.stride === 2)).toBe(true);
  });
});

describe.each(['cpu', 'wasm'] as const)('MNAS networks on tfjs %s and ONNX Runtime', (backend) => {
  it('starts the backend', async () => {
    expect(await startBackend(backend)).toBe(backend);
  });

  it.each(SPECS.flatMap((s) => s.sizes.map((size) => ({ ...s, size }))))(
    '$name at $size×$size: same features on both engines, no leaked tensors',
    async ({ spec, size }) => {
      const graph = mnasNetwork(spec, { imageSize: size });
      expect(new Set(graph.parameters.map((p) => p.name)).size).toBe(graph.parameters.length);
      const x = images(size);
      const tensor = tf.tensor4d(x, [BN_BATCH.length, size, size, 3]);
      const request = { nTrain: BATCH, nVal: 0, bnBatch: BN_BATCH, seed: 4, batchSize: BATCH };
      const before = tf.memory().numTensors;
      const reference = await estimateSeedKernel(graph, { images: tensor, ...request });
      expect(tf.memory().numTensors).toBe(before);
      tensor.dispose();
      expect(reference.width).toBe(1280);
      expect(reference.features.every(Number.isFinite)).toBe(true);
      // The two images must differ in their features, or the comparison would prove little.
      expect(reference.features.slice(0, 1280)).not.toEqual(reference.features.slice(1280));

      const engine = new OnnxFeatureEngine(graph, 'cpu');
      const { features, width } = await engine.seedFeatures({
        images: x,
        count: BATCH,
        ...request,
      });
      await engine.release();
      expect(width).toBe(1280);
      expect(relativeDifference(features, reference.features)).toBeLessThan(1e-4);
    },
  );
});
