import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHAPE, type Operation } from '../../src/nasbench/index.ts';
import { nasbenchNetwork } from '../../src/network/index.ts';
import {
  checkProvider,
  FEATURES,
  foldBatchNorms,
  IMAGES,
  lowerGraph,
  OnnxFeatureEngine,
  onnxParameters,
  ProviderError,
  samePadding,
  sessionOptions,
  updateMovingStatistics,
} from '../../src/network/onnx/index.ts';
import {
  disposeParameters,
  initialiseParameters,
  runGraph,
  startBackend,
} from '../../src/network/tfjs/index.ts';
import { evaluateArchitecture } from '../../src/nngp/evaluate.ts';
import { estimateSeedKernel } from '../../src/nngp/kernel-estimation.ts';
import { loadNngpData, type NngpData } from '../../src/nngp/nngp-data.ts';
import { INCEPTION } from '../nasbench/cells.ts';
import { SHARED_DATA } from '../support/fixtures.ts';
import { relativeDifference } from '../support/relative-difference.ts';

const DATASET = [path.join(SHARED_DATA, 'cifar10/data_batch_1_first4000.bin')];
const C3 = 'conv3x3-bn-relu';
const C1 = 'conv1x1-bn-relu';
const MP = 'maxpool3x3';

/** Cells that between them use every operation and every way a module joins its vertices. */
const CELLS: { name: string; matrix: number[][]; ops: string[] }[] = [
  // conv1x1, conv3x3, max-pool, input projections into interior vertices, a 4-way concat.
  { name: 'Inception-like', matrix: INCEPTION.matrix, ops: INCEPTION.ops },
  {
    // Three vertices feed the output, so widths are uneven (16 → 6, 5, 5): vertex 1 (6 channels)
    // is truncated to 5 for vertex 2; vertex 3 adds an input projection to a max-pool's output.
    name: 'truncation',
    matrix: [
      [0, 1, 0, 1, 0],
      [0, 0, 1, 0, 1],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ],
    ops: ['input', C3, MP, C1, 'output'],
  },
  // input → output only: the module is its output projection alone.
  {
    name: 'output projection only',
    matrix: [
      [0, 1],
      [0, 0],
    ],
    ops: ['input', 'output'],
  },
  // input → output beside an interior vertex: concat plus the output projection, summed.
  {
    name: 'residual output projection',
    matrix: [
      [0, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
    ],
    ops: ['input', C1, 'output'],
  },
];

let data: NngpData;
let images: tf.Tensor4D;

beforeAll(async () => {
  // wasm: the fastest tfjs backend here; parameters are the same on every tfjs backend.
  await startBackend('wasm');
  data = await loadNngpData({
    dataset: DATASET,
    nTrain: 60,
    nVal: 40,
    ensemble: 2,
    seed: 3,
    bnBatchSize: 16,
  });
  images = tf.tensor4d(data.images, [data.nTrain + data.nVal, 32, 32, 3]);
  return () => images.dispose();
});

async function compareEngines(
  cell: (typeof CELLS)[number],
  stemChannels: number,
  count: number,
): Promise<number> {
  const graph = nasbenchNetwork(cell.matrix, cell.ops as Operation[], {
    ...DEFAULT_SHAPE,
    stemChannels,
  });
  const seed = data.seeds[0] as NngpData['seeds'][number];
  // Rows among the first `count` images, in a scrambled order.
  const bnBatch = Array.from({ length: Math.min(count, 8) }, (_, i) => count - 1 - i);
  const reference = await estimateSeedKernel(graph, {
    images,
    nTrain: count,
    nVal: 0,
    bnBatch,
    seed: seed.init,
    batchSize: 8,
  });
  const engine = new OnnxFeatureEngine(graph, 'cpu');
  const { features, width } = await engine.seedFeatures({
    images: data.images,
    count,
    bnBatch,
    seed: seed.init,
    batchSize: 8,
  });
  await engine.release();
  expect(width).toBe(reference.width);
  expect(features).toHaveLength(count * width);
  return relativeDifference(features, reference.features);
}

describe('ONNX Runtime engine', () => {
  it("pads max-pools as TensorFlow's 'SAME' does", () => {
    expect(samePadding(32, 3, 1)).toEqual([1, 1]);
    expect(samePadding(32, 2, 2)).toEqual([0, 0]);
    expect(samePadding(5, 2, 2)).toEqual([0, 1]);
    expect(samePadding(5, 3, 2)).toEqual([1, 1]);
  });

  it('lowers to opset 17 with the parameters as inputs unless given as initializers', () => {
    const graph = nasbenchNetwork(INCEPTION.matrix, INCEPTION.ops as Operation[], {
      ...DEFAULT_SHAPE,
      stemChannels: 16,
    });
    const training = lowerGraph(graph, { mode: 'training' });
    expect(training.batchNorms.length).toBe(
      graph.nodes.filter((n) => n.kind === 'batchnorm').length,
    );
    expect(training.parameterInputs.get('stem/conv')).toEqual([16, 3, 3, 3]);
    const inference = lowerGraph(graph, { mode: 'inference' });
    // Folded: conv weights and biases only, no batch-norm parameters.
    expect(
      [...inference.parameterInputs.keys()].every(
        (n) => n.endsWith('/conv') || n.endsWith('/folded-bias'),
      ),
    ).toBe(true);
  });

  it.each(CELLS)(
    'gives the tfjs engine’s features (same seed, images) for the $name cell at stem 16',
    async (cell) => {
      expect(await compareEngines(cell, 16, 12)).toBeLessThan(1e-4);
    },
  );

  it.each(CELLS.slice(0, 2))(
    'and at full width (stem 128) for the $name cell',
    async (cell) => {
      expect(await compareEngines(cell, 128, 2)).toBeLessThan(1e-4);
    },
    60_000,
  );

  it('gives the same NNGP accuracies on the CIFAR-10 subset (60/40, M 2, stem 16)', async () => {
    const settings = {
      shape: { ...DEFAULT_SHAPE, stemChannels: 16 },
      configs: [{ nTrain: 60, nVal: 40, ensemble: 2 }],
      batchSize: 50,
      retention: 'none' as const,
      dtype: 'float32' as const,
    };
    const cell = {
      hash: INCEPTION.hash,
      matrix: INCEPTION.matrix,
      ops: INCEPTION.ops as Operation[],
    };
    const tfjs = await evaluateArchitecture(cell, data, images, { ...settings, engine: 'tfjs' });
    const onnx = await evaluateArchitecture(cell, data, null, { ...settings, engine: 'onnx' });
    expect(onnx.results[0]?.accuracies).toEqual(tfjs.results[0]?.accuracies);
    expect(onnx.results[0]?.accuracy).toBeGreaterThan(0.1);
    expect(onnx.flops).toBe(tfjs.flops);
  }, 60_000);

  it('updates moving statistics with momentum 0.997 and a Bessel-corrected variance', () => {
    const params = new Map([
      ['m', { dims: [2], data: Float32Array.of(0, 0) }],
      ['v', { dims: [2], data: Float32Array.of(1, 1) }],
    ]);
    const bn = { movingMean: 'm', movingVariance: 'v', momentum: 0.997 };
    updateMovingStatistics(
      params,
      bn,
      { mean: Float32Array.of(2, -1), variance: Float32Array.of(3, 0) },
      4,
    );
    expect([...(params.get('m')?.data ?? [])]).toEqual([0.003 * 2, -0.003].map(Math.fround));
    // 3 · 4/3 = 4 enters the average, as TensorFlow's fused batch norm does.
    expect(params.get('v')?.data[0]).toBeCloseTo(0.997 + 0.003 * 4, 6);
    expect(params.get('v')?.data[1]).toBeCloseTo(0.997, 6);
  });

  it('lowers a dense head (Gemm) and matches the tfjs logits', async () => {
    const graph = nasbenchNetwork(
      INCEPTION.matrix,
      INCEPTION.ops as Operation[],
      { ...DEFAULT_SHAPE, stemChannels: 16 },
      { head: true },
    );
    const x = tf.slice(images, [0, 0, 0, 0], [4, -1, -1, -1]);
    const params = initialiseParameters(graph, 5);
    const logits = runGraph(graph, params, x, 'inference');
    const expected = (await logits.data()) as Float32Array;
    tf.dispose([x, logits]);
    disposeParameters(params);
    const weights = foldBatchNorms(graph, await onnxParameters(graph, 5));
    const { bytes } = lowerGraph(graph, { mode: 'inference', until: graph.output, weights });
    const session = await ort.InferenceSession.create(bytes, sessionOptions('cpu'));
    const input = new ort.Tensor('float32', data.images.slice(0, 4 * 3072), [4, 32, 32, 3]);
    const out = await session.run({ [IMAGES]: input });
    await session.release();
    expect(out[FEATURES]?.dims).toEqual([4, 10]);
    expect(relativeDifference(out[FEATURES]?.data as Float32Array, expected)).toBeLessThan(1e-4);
  });

  it('refuses a provider that is not installed, naming what to install', async () => {
    await expect(checkProvider('cuda')).rejects.toThrow(ProviderError);
    await expect(checkProvider('cuda')).rejects.toThrow(/ONNXRUNTIME_NODE_INSTALL=cuda12/);
    await expect(checkProvider('cpu')).resolves.toBeUndefined();
  });
});
