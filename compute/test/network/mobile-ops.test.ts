import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/datasets/random.ts';
import {
  forwardMacs,
  GraphBuilder,
  type NetworkGraph,
  type NodeId,
} from '../../src/network/index.ts';
import {
  FEATURES,
  foldBatchNorms,
  IMAGES,
  lowerGraph,
  type OnnxParameters,
  onnxParameters,
  sessionOptions,
} from '../../src/network/onnx/index.ts';
import {
  disposeParameters,
  initialiseParameters,
  type Parameters,
  parameterBlocks,
  perSampleGradients,
  runGraph,
  startBackend,
} from '../../src/network/tfjs/index.ts';

/**
 * The ops MobileNet-style networks add (strided and depthwise convs, window average pools,
 * squeeze-and-excitation) against plain loops written from TensorFlow's definitions, on both
 * tfjs backends and on ONNX Runtime.
 */

interface Case {
  name: string;
  size: number;
  channels: number;
  build: (g: GraphBuilder, x: NodeId) => NodeId;
  /** The expected NHWC output, from the input and the tfjs parameter values. */
  reference: (x: Float32Array, p: (name: string) => Float32Array) => Float32Array;
}

const BATCH = 2;

/** TensorFlow's 'SAME' geometry of one axis: output size and padding before. */
function same(size: number, kernel: number, stride: number): { out: number; before: number } {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return { out, before: Math.floor(total / 2) };
}

/** A plain 'SAME' convolution, full or depthwise (weight [k, k, C, 1]), NHWC. */
function naiveConv(
  x: Float32Array,
  size: number,
  inC: number,
  w: Float32Array,
  k: number,
  outC: number,
  stride: number,
  depthwise: boolean,
): Float32Array {
  const { out, before } = same(size, k, stride);
  const y = new Float32Array(BATCH * out * out * outC);
  for (let n = 0; n < BATCH; n++)
    for (let i = 0; i < out; i++)
      for (let j = 0; j < out; j++)
        for (let o = 0; o < outC; o++) {
          let sum = 0;
          for (let di = 0; di < k; di++)
            for (let dj = 0; dj < k; dj++) {
              const r = i * stride - before + di;
              const c = j * stride - before + dj;
              if (r < 0 || c < 0 || r >= size || c >= size) continue;
              const at = ((n * size + r) * size + c) * inC;
              if (depthwise) sum += (x[at + o] as number) * (w[(di * k + dj) * inC + o] as number);
              else
                for (let ci = 0; ci < inC; ci++)
                  sum +=
                    (x[at + ci] as number) * (w[((di * k + dj) * inC + ci) * outC + o] as number);
            }
          y[((n * out + i) * out + j) * outC + o] = sum;
        }
  return y;
}

/** A plain 'SAME' average pool that averages only the cells inside the image. */
function naiveAveragePool(
  x: Float32Array,
  size: number,
  channels: number,
  window: number,
  stride: number,
): Float32Array {
  const { out, before } = same(size, window, stride);
  const y = new Float32Array(BATCH * out * out * channels);
  for (let n = 0; n < BATCH; n++)
    for (let i = 0; i < out; i++)
      for (let j = 0; j < out; j++)
        for (let c = 0; c < channels; c++) {
          let sum = 0;
          let count = 0;
          for (let di = 0; di < window; di++)
            for (let dj = 0; dj < window; dj++) {
              const r = i * stride - before + di;
              const q = j * stride - before + dj;
              if (r < 0 || q < 0 || r >= size || q >= size) continue;
              sum += x[((n * size + r) * size + q) * channels + c] as number;
              count++;
            }
          y[((n * out + i) * out + j) * channels + c] = sum / count;
        }
  return y;
}

/** Squeeze-and-excitation by hand: mean → dense+bias → ReLU → dense+bias → sigmoid → rescale. */
function naiveSqueezeExcite(
  x: Float32Array,
  size: number,
  channels: number,
  reduced: number,
  p: (name: string) => Float32Array,
): Float32Array {
  const [w1, b1, w2, b2] = ['reduce/kernel', 'reduce/bias', 'expand/kernel', 'expand/bias'].map(
    (s) => p(`se/${s}`),
  ) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const y = new Float32Array(x.length);
  const area = size * size;
  for (let n = 0; n < BATCH; n++) {
    const mean = Array.from({ length: channels }, (_, c) => {
      let s = 0;
      for (let q = 0; q < area; q++) s += x[(n * area + q) * channels + c] as number;
      return s / area;
    });
    const hidden = Array.from({ length: reduced }, (_, r) => {
      let s = b1[r] as number;
      for (let c = 0; c < channels; c++) s += (mean[c] as number) * (w1[c * reduced + r] as number);
      return Math.max(0, s);
    });
    for (let c = 0; c < channels; c++) {
      let s = b2[c] as number;
      for (let r = 0; r < reduced; r++)
        s += (hidden[r] as number) * (w2[r * channels + c] as number);
      const gate = 1 / (1 + Math.exp(-s));
      for (let q = 0; q < area; q++) {
        const at = (n * area + q) * channels + c;
        y[at] = (x[at] as number) * gate;
      }
    }
  }
  return y;
}

/** conv (any kind) → batch norm with moving statistics → optional ReLU. */
function naiveBatchNorm(
  x: Float32Array,
  channels: number,
  p: (name: string) => Float32Array,
  relu: boolean,
): Float32Array {
  const [g, b, m, v] = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((s) =>
    p(`chain/bn/${s}`),
  ) as [Float32Array, Float32Array, Float32Array, Float32Array];
  return x.map((value, i) => {
    const c = i % channels;
    const y =
      ((value - (m[c] as number)) / Math.sqrt((v[c] as number) + 1e-5)) * (g[c] as number) +
      (b[c] as number);
    return relu ? Math.max(0, y) : y;
  });
}

const CASES: Case[] = [];
for (const size of [7, 8])
  for (const kernel of [1, 3, 5])
    for (const stride of [1, 2]) {
      CASES.push({
        name: `conv ${kernel}×${kernel} stride ${stride} at ${size}×${size}`,
        size,
        channels: 3,
        build: (g, x) => g.conv(x, kernel, 4, 'w', stride),
        reference: (x, p) => naiveConv(x, size, 3, p('w'), kernel, 4, stride, false),
      });
      CASES.push({
        name: `depthwise ${kernel}×${kernel} stride ${stride} at ${size}×${size}`,
        size,
        channels: 5,
        build: (g, x) => g.depthwiseConv(x, kernel, 'w', stride),
        reference: (x, p) => naiveConv(x, size, 5, p('w'), kernel, 5, stride, true),
      });
    }
for (const size of [7, 8]) {
  // The fused inference paths (tfjs fused conv, ONNX folded Conv with a bias) with strides.
  CASES.push({
    name: `conv 3×3 stride 2 → BN → ReLU at ${size}×${size}`,
    size,
    channels: 3,
    build: (g, x) => g.convBn(x, 3, 6, 'chain', { stride: 2 }),
    reference: (x, p) =>
      naiveBatchNorm(naiveConv(x, size, 3, p('chain/conv'), 3, 6, 2, false), 6, p, true),
  });
  CASES.push({
    name: `depthwise 5×5 stride 2 → BN (linear) at ${size}×${size}`,
    size,
    channels: 4,
    build: (g, x) => g.depthwiseConvBn(x, 5, 2, 'chain', { relu: false }),
    reference: (x, p) =>
      naiveBatchNorm(naiveConv(x, size, 4, p('chain/depthwise'), 5, 4, 2, true), 4, p, false),
  });
  CASES.push({
    name: `average pool 2×2 stride 2 at ${size}×${size}`,
    size,
    channels: 3,
    build: (g, x) => g.averagePool(x, 2, 2),
    reference: (x) => naiveAveragePool(x, size, 3, 2, 2),
  });
  CASES.push({
    name: `average pool 3×3 stride 2 at ${size}×${size}`,
    size,
    channels: 3,
    build: (g, x) => g.averagePool(x, 3, 2),
    reference: (x) => naiveAveragePool(x, size, 3, 3, 2),
  });
}
CASES.push({
  name: 'squeeze-and-excitation 6 → 2 → 6 channels',
  size: 5,
  channels: 6,
  build: (g, x) => g.squeezeExcite(x, 2, 'se'),
  reference: (x, p) => naiveSqueezeExcite(x, 5, 6, 2, p),
});

function graphOf(c: Case): NetworkGraph {
  const g = new GraphBuilder(c.size);
  const out = c.build(g, g.input(c.channels));
  return g.finish(out, out);
}

function inputOf(c: Case): Float32Array {
  const random = createRandom(c.size * 100 + c.channels);
  return Float32Array.from(
    { length: BATCH * c.size * c.size * c.channels },
    () => random() * 4 - 2,
  );
}

/**
 * Batch-norm moving statistics and biases start at 0/1: give every vector parameter random
 * values (the same in both engines' parameter sets) so the folding is really tested.
 */
function perturbVectors(graph: NetworkGraph, tfjs: Parameters, onnx: OnnxParameters): void {
  const random = createRandom(7);
  for (const spec of graph.parameters) {
    if (spec.shape.length !== 1) continue;
    const variance = spec.name.endsWith('moving_variance');
    const data = Float32Array.from({ length: spec.shape[0] as number }, () =>
      variance ? 0.5 + random() : random() - 0.5,
    );
    tfjs.get(spec.name)?.dispose();
    tfjs.set(spec.name, tf.tensor1d(data));
    onnx.set(spec.name, { dims: [data.length], data });
  }
}

async function onnxOutput(
  graph: NetworkGraph,
  weights: OnnxParameters,
  x: Float32Array,
  channels: number,
): Promise<Float32Array> {
  const { bytes } = lowerGraph(graph, { mode: 'inference', until: graph.output, weights });
  const session = await ort.InferenceSession.create(bytes, sessionOptions('cpu'));
  const input = new ort.Tensor('float32', x, [BATCH, graph.imageSize, graph.imageSize, channels]);
  const out = (await session.run({ [IMAGES]: input }))[FEATURES] as ort.Tensor;
  await session.release();
  const data = out.data as Float32Array;
  if (out.dims.length !== 4) return data;
  // NCHW → NHWC.
  const [n, c, h, w] = out.dims as [number, number, number, number];
  const nhwc = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let k = 0; k < c; k++)
      for (let i = 0; i < h * w; i++)
        nhwc[(b * h * w + i) * c + k] = data[(b * c + k) * h * w + i] as number;
  return nhwc;
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(actual[i]).toBeCloseTo(e, 4);
}

describe.each(['cpu', 'wasm'] as const)('mobile ops on tfjs %s and ONNX Runtime', (backend) => {
  it('starts the backend', async () => {
    expect(await startBackend(backend)).toBe(backend);
  });

  it.each(CASES)('$name matches a plain loop on both engines', async (c) => {
    const graph = graphOf(c);
    const x = inputOf(c);
    const params = initialiseParameters(graph, 3);
    const onnx = await onnxParameters(graph, 3);
    perturbVectors(graph, params, onnx);
    const p = (name: string) => params.get(name)?.dataSync() as Float32Array;
    const expected = c.reference(x, p);
    const out = graph.nodes[graph.output];
    expect(expected.length).toBe(BATCH * (out?.channels ?? 0) * (out?.spatial ?? 0) ** 2);

    const before = tf.memory().numTensors;
    const images = tf.tensor4d(x, [BATCH, c.size, c.size, c.channels]);
    const fused = runGraph(graph, params, images, 'inference');
    const plain = runGraph(graph, params, images, 'inference', graph.output, { fuse: false });
    expectClose(fused.dataSync() as Float32Array, expected);
    expectClose(plain.dataSync() as Float32Array, expected);
    tf.dispose([images, fused, plain]);
    expect(tf.memory().numTensors).toBe(before);
    disposeParameters(params);

    expectClose(await onnxOutput(graph, foldBatchNorms(graph, onnx), x, c.channels), expected);
  });
});

describe('mobile ops in the graph', () => {
  it("counts MACs at each op's output size: strided and depthwise convs, SE's 1×1 layers", () => {
    const g = new GraphBuilder(9);
    const conv = g.conv(g.input(3), 3, 8, 'conv', 2); // 9 → 5
    const depthwise = g.depthwiseConv(conv, 5, 'depthwise', 2); // 5 → 3
    const se = g.squeezeExcite(depthwise, 2, 'se');
    const graph = g.finish(se, se);
    expect(graph.nodes[conv]?.spatial).toBe(5);
    expect(graph.nodes[depthwise]?.spatial).toBe(3);
    expect(forwardMacs(graph, conv)).toBe(5 * 5 * 3 * 3 * 3 * 8);
    expect(forwardMacs(graph, depthwise)).toBe(5 * 5 * 3 * 3 * 3 * 8 + 3 * 3 * 5 * 5 * 8);
    expect(forwardMacs(graph)).toBe(5 * 5 * 3 * 3 * 3 * 8 + 3 * 3 * 5 * 5 * 8 + 2 * 8 * 2);
  });

  it('refuses a gate that is not a [N, C] vector of the right width', () => {
    const g = new GraphBuilder(4);
    const x = g.input(3);
    expect(() => g.scale(x, x)).toThrow(/a scale gate must be a \[N, 3\] vector/);
  });

  it.each([
    ['depthwise', (g: GraphBuilder, x: NodeId) => g.depthwiseConv(x, 3, 'w'), /'depthwise' node/],
    [
      'strided conv',
      (g: GraphBuilder, x: NodeId) => g.conv(x, 3, 4, 'w', 2),
      /stride-2 'conv' node/,
    ],
    ['SE', (g: GraphBuilder, x: NodeId) => g.squeezeExcite(x, 1, 'se'), /'sigmoid' node/],
    ['average pool', (g: GraphBuilder, x: NodeId) => g.averagePool(x, 2, 2), /'avgpool2d' node/],
  ])('per-sample gradients refuse a graph with a %s, naming it', async (_, build, message) => {
    await startBackend('cpu');
    const g = new GraphBuilder(4);
    const out = build(g, g.input(3));
    const graph = g.finish(out, out);
    expect(() => parameterBlocks(graph, 1 << 20)).toThrow(message);
    const params = initialiseParameters(graph, 1);
    const images = tf.zeros([1, 4, 4, 3]);
    expect(() => perSampleGradients(graph, params, images, [])).toThrow(message);
    images.dispose();
    disposeParameters(params);
  });
});
