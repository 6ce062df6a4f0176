import * as tf from '@tensorflow/tfjs-core';
import type { NetworkGraph } from '../network/index.ts';
import type { OnnxFeatureEngine } from '../network/onnx/index.ts';
import {
  disposeParameters,
  initialiseParameters,
  type Parameters,
  runGraph,
} from '../network/tfjs/index.ts';
import { kernelFromFeatures, type SeedKernel } from './seed-kernel.ts';

export interface SeedKernelRequest {
  /** Standardised images, NHWC: the n_t training rows, then the n_v validation rows. */
  images: tf.Tensor4D;
  nTrain: number;
  nVal: number;
  /** Rows of `images` (training rows) for the training-mode pass that sets batch-norm statistics. */
  bnBatch: readonly number[];
  /** Initialisation seed. */
  seed: number;
  /** Images per inference batch (bounds memory). */
  batchSize: number;
}

/**
 * One Monte-Carlo sample of the NNGP kernel: a fresh initialisation of `graph` (no dense head),
 * batch-norm moving statistics set by one training-mode pass over `bnBatch`, then the features Φ
 * of every image in inference mode; K_tt = Φ_t Φ_tᵀ, K_vt = Φ_v Φ_tᵀ. Frees every tensor it makes.
 *
 * @example const { kernel, features } = await estimateSeedKernel(graph, { images, nTrain: 100, nVal: 200, bnBatch, seed: 1, batchSize: 50 });
 */
export async function estimateSeedKernel(
  graph: NetworkGraph,
  request: SeedKernelRequest,
): Promise<{ kernel: SeedKernel; features: Float32Array; width: number }> {
  const { images, nTrain, nVal, bnBatch, seed, batchSize } = request;
  const params = calibratedParameters(graph, images, bnBatch, seed);
  try {
    const total = nTrain + nVal;
    const phi = tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      for (let start = 0; start < total; start += batchSize) {
        const size = Math.min(batchSize, total - start);
        const x = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]);
        parts.push(runGraph(graph, params, x, 'inference', graph.features));
        x.dispose();
      }
      return tf.concat(parts, 0) as tf.Tensor2D;
    });
    try {
      const [kTT, kVT] = tf.tidy(() => {
        const phiTrain = tf.slice(phi, [0, 0], [nTrain, -1]);
        const phiVal = tf.slice(phi, [nTrain, 0], [nVal, -1]);
        return [
          tf.matMul(phiTrain, phiTrain, false, true),
          tf.matMul(phiVal, phiTrain, false, true),
        ];
      });
      const kernel: SeedKernel = {
        nTrain,
        nVal,
        kTrainTrain: symmetrise((await kTT.data()) as Float32Array, nTrain),
        kValTrain: (await kVT.data()) as Float32Array,
      };
      kTT.dispose();
      kVT.dispose();
      // Asynchronous reads: the webgpu backend cannot read synchronously in Node.
      return { kernel, features: (await phi.data()) as Float32Array, width: phi.shape[1] };
    } finally {
      phi.dispose();
    }
  } finally {
    disposeParameters(params);
  }
}

/**
 * Seed `seed`'s initialisation of `graph` with batch-norm moving statistics set by one
 * training-mode pass over the `bnBatch` rows of `images`: the network every kernel of that seed
 * (NNGP or NTK) is computed on. Dispose with disposeParameters.
 *
 * @example const params = calibratedParameters(graph, images, [0, 3, 7], 1);
 */
export function calibratedParameters(
  graph: NetworkGraph,
  images: tf.Tensor4D,
  bnBatch: readonly number[],
  seed: number,
): Parameters {
  const params = initialiseParameters(graph, seed);
  try {
    tf.tidy(() => {
      const batch = tf.gather(images, bnBatch.slice()) as tf.Tensor4D;
      runGraph(graph, params, batch, 'training', graph.features);
    });
    return params;
  } catch (error) {
    disposeParameters(params);
    throw error;
  }
}

/** Float32 matmul need not give K[i][j] and K[j][i] bit-identical: average the two. */
export function symmetrise(k: Float32Array, n: number): Float32Array {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = ((k[i * n + j] as number) + (k[j * n + i] as number)) / 2;
      k[i * n + j] = v;
      k[j * n + i] = v;
    }
  }
  return k;
}

/**
 * The same Monte-Carlo sample on the ONNX Runtime engine (same initialisation and batch-norm
 * calibration for the same seed); K from Φ with the shared float64-accumulating assembly.
 *
 * @example const { kernel } = await estimateSeedKernelOnnx(new OnnxFeatureEngine(graph), { images: data.images, nTrain: 100, nVal: 200, bnBatch, seed: 1, batchSize: 100 });
 */
export async function estimateSeedKernelOnnx(
  engine: OnnxFeatureEngine,
  request: Omit<SeedKernelRequest, 'images'> & { images: Float32Array },
): Promise<{ kernel: SeedKernel; features: Float32Array; width: number }> {
  const { nTrain, nVal } = request;
  const { features, width } = await engine.seedFeatures({
    images: request.images,
    count: nTrain + nVal,
    bnBatch: request.bnBatch,
    seed: request.seed,
    batchSize: request.batchSize,
  });
  return { kernel: kernelFromFeatures(features, nTrain, nVal, width), features, width };
}
