import * as tf from '@tensorflow/tfjs-core';
import type { NetworkGraph } from '../graph.ts';
import { disposeParameters, initialiseParameters, startBackend } from '../tfjs/index.ts';
import { executionPlan } from '../tfjs/plan.ts';
import { foldedBiasName, onnxShape } from './lower.ts';
import type { OnnxTensor } from './proto-builder.ts';

/** Parameter values in ONNX layout (conv kernels OIHW), by the graph's parameter names. */
export type OnnxParameters = Map<string, OnnxTensor>;

/**
 * The parameters the TensorFlow.js engine initialises for (`graph`, `seed`), in ONNX layout: the
 * same seed gives the same network on both engines. tfjs draws its random numbers in JavaScript,
 * so whichever tfjs backend is active gives the same values; where none is, the cpu backend
 * starts (no worker threads, nothing native).
 *
 * @example const params = await onnxParameters(graph, 42); // params.get('stem/conv')?.dims → [128, 3, 3, 3]
 */
export async function onnxParameters(graph: NetworkGraph, seed: number): Promise<OnnxParameters> {
  if (!tf.engine().backendName) await startBackend('cpu');
  const tensors = initialiseParameters(graph, seed);
  try {
    const result: OnnxParameters = new Map();
    for (const spec of graph.parameters) {
      const values = tensors.get(spec.name)?.dataSync() as Float32Array;
      result.set(spec.name, {
        dims: onnxShape(spec.shape, spec.layout),
        data: spec.shape.length === 4 ? hwioToOihw(values, spec.shape) : Float32Array.from(values),
      });
    }
    return result;
  } finally {
    disposeParameters(tensors);
  }
}

// A depthwise kernel [k, k, C, 1] read as HWIO (I = C, O = 1) lands in [1, C, k, k] order, which
// is also [C, 1, k, k] order: the same conversion serves both layouts.
function hwioToOihw(values: Float32Array, shape: readonly number[]): Float32Array {
  const [h, w, i, o] = shape as [number, number, number, number];
  const out = new Float32Array(values.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < i; c++) {
        const from = ((y * w + x) * i + c) * o;
        for (let k = 0; k < o; k++) out[((k * i + c) * h + y) * w + x] = values[from + k] as number;
      }
  return out;
}

/**
 * Moving statistics after one training step of TensorFlow's batch norm: moving ← m·moving +
 * (1 − m)·batch, the variance Bessel-corrected (count/(count − 1), count = N·H·W) as TensorFlow's
 * fused batch norm does (and the tfjs engine). Updates `params` in place.
 *
 * @example updateMovingStatistics(params, bn, { mean, variance }, 128 * 32 * 32);
 */
export function updateMovingStatistics(
  params: OnnxParameters,
  bn: { movingMean: string; movingVariance: string; momentum: number },
  batch: { mean: Float32Array; variance: Float32Array },
  count: number,
): void {
  const m = bn.momentum;
  const bessel = count > 1 ? count / (count - 1) : 1;
  const update = (name: string, value: Float32Array, factor: number) => {
    const moving = params.get(name);
    if (moving === undefined) throw new RangeError(`parameter ${name} is missing`);
    const next = new Float32Array(moving.data.length);
    for (let c = 0; c < next.length; c++)
      next[c] = (moving.data[c] as number) * m + (value[c] as number) * factor * (1 - m);
    params.set(name, { dims: moving.dims, data: next });
  };
  update(bn.movingMean, batch.mean, 1);
  update(bn.movingVariance, batch.variance, bessel);
}

/**
 * Inference-mode weights: every conv (or depthwise conv) → batch norm (→ ReLU) chain's batch norm
 * folded into the conv, W·γ/√(σ² + ε) per output channel and a bias β − μ·γ/√(σ² + ε) (named foldedBiasName(conv)),
 * as the tfjs engine's fused conv does. Other parameters pass through.
 *
 * @example const folded = foldBatchNorms(graph, params); // feed to lowerGraph(graph, { mode: 'inference', weights: folded })
 */
export function foldBatchNorms(graph: NetworkGraph, params: OnnxParameters): OnnxParameters {
  const folded: OnnxParameters = new Map(params);
  const get = (name: string) => {
    const p = params.get(name);
    if (p === undefined) throw new RangeError(`parameter ${name} is missing`);
    return p.data;
  };
  for (const [convId, { batchnorm }] of executionPlan(graph).fusable) {
    const conv = graph.nodes[convId];
    const bn = graph.nodes[batchnorm];
    if ((conv?.kind !== 'conv' && conv?.kind !== 'depthwise') || bn?.kind !== 'batchnorm') continue;
    // Both ONNX layouts ([O, I, k, k] and a depthwise [C, 1, k, k]) hold each output channel's
    // filter contiguously.
    const outChannels = conv.kind === 'conv' ? conv.outChannels : conv.channels;
    const [gamma, beta, mean, variance] = [bn.gamma, bn.beta, bn.movingMean, bn.movingVariance].map(
      get,
    ) as Float32Array[];
    const weight = params.get(conv.weight) as OnnxTensor;
    const perFilter = weight.data.length / outChannels;
    const scaled = new Float32Array(weight.data.length);
    const bias = new Float32Array(outChannels);
    for (let o = 0; o < outChannels; o++) {
      const scale = Math.fround(
        (gamma?.[o] as number) /
          Math.fround(Math.sqrt(Math.fround((variance?.[o] as number) + bn.epsilon))),
      );
      bias[o] = (beta?.[o] as number) - (mean?.[o] as number) * scale;
      for (let k = o * perFilter; k < (o + 1) * perFilter; k++)
        scaled[k] = (weight.data[k] as number) * scale;
    }
    folded.set(conv.weight, { dims: weight.dims, data: scaled });
    folded.set(foldedBiasName(conv), { dims: [outChannels], data: bias });
  }
  return folded;
}
