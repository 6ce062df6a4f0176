import type * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import type { NetworkShape } from '../nasbench/structure.ts';
import { architectureNetwork, forwardMacs, type NetworkGraph } from '../network/index.ts';
import { OnnxFeatureEngine, type OnnxProvider } from '../network/onnx/index.ts';
import type { NngpConfig } from './configs.ts';
import { ensembleKernel } from './ensemble.ts';
import type { EngineName } from './evaluation-defaults.ts';
import { nngpInference } from './inference/index.ts';
import { estimateSeedKernel, estimateSeedKernelOnnx } from './kernel-estimation.ts';
import type { NngpData } from './nngp-data.ts';
import {
  type EncodedKernel,
  encodeSeedKernel,
  type KernelDtype,
  type SeedKernel,
} from './seed-kernel.ts';

/** Which per-seed kernels an experiment keeps: every seed, the largest configuration's ensemble, or none. */
export type Retention = 'all' | 'largest' | 'none';

export interface EvaluationSettings {
  shape: NetworkShape;
  /** Largest configuration first; the rest derive from its kernels. */
  configs: NngpConfig[];
  regularizers?: number[];
  batchSize: number;
  retention: Retention;
  dtype: KernelDtype;
  /** Engine of the forward passes (default 'tfjs'; the tfjs backend is chosen per worker). */
  engine?: EngineName;
  /** ONNX Runtime execution provider when the engine is 'onnx' (default 'cpu'). */
  provider?: OnnxProvider;
}

export interface ConfigResult extends NngpConfig {
  accuracy: number | null;
  accuracies: (number | null)[];
  regularizers: number[];
}

export interface ArchitectureEvaluation {
  hash: string;
  results: ConfigResult[];
  /** Kernels to store: seed index, or -1 for the largest configuration's ensemble average. */
  kernels: { seed: number; encoded: EncodedKernel }[];
  /** Wall time of its kernel estimation (forward passes, kernels); the inference is not counted. */
  seconds: number;
  /** Floating-point operations of its forward passes: all seeds, all images, FLOPs = 2 × MACs. */
  flops: number;
}

/**
 * Estimates the architecture's NNGP kernel from `data.seeds.length` initialisations and runs NNGP
 * inference for every configuration (smaller ones from sub-blocks and partial ensembles).
 *
 * @example const evaluation = await evaluateArchitecture({ hash, matrix, ops }, data, images, settings);
 */
export async function evaluateArchitecture(
  cell: { hash: string; matrix: Matrix; ops: readonly Operation[] },
  data: NngpData,
  images: tf.Tensor4D | null,
  settings: EvaluationSettings,
): Promise<ArchitectureEvaluation> {
  const started = performance.now();
  const seeds: SeedEstimate[] = [];
  if (settings.engine === 'onnx') {
    // One engine per architecture, seeds one after another: ORT's pool already uses every core.
    const engine = new OnnxFeatureEngine(
      architectureNetwork(cell.matrix, cell.ops, settings.shape),
      settings.provider ?? 'cpu',
    );
    try {
      for (let s = 0; s < data.seeds.length; s++)
        seeds.push(await estimateSeedOnnx(engine, data, settings, s));
    } finally {
      await engine.release();
    }
  } else {
    if (images === null) throw new RangeError('the tfjs engine needs the images as a tensor');
    for (let s = 0; s < data.seeds.length; s++)
      seeds.push(await estimateSeed(cell, data, images, settings, s));
  }
  return assembleEvaluation(cell.hash, seeds, data, settings, (performance.now() - started) / 1000);
}

/** One seed's kernel of an architecture, with what storing and accounting need. */
export interface SeedEstimate {
  kernel: SeedKernel;
  features: Float32Array;
  width: number;
  flops: number;
}

/**
 * The kernel of seed `s` (its initialisation and batch-norm batch come from `data.seeds[s]`): the
 * unit of work a worker takes, so the seeds of one architecture can run on several cores.
 *
 * @example const estimate = await estimateSeed(cell, data, images, settings, 0);
 */
export async function estimateSeed(
  cell: { matrix: Matrix; ops: readonly Operation[] },
  data: NngpData,
  images: tf.Tensor4D,
  settings: EvaluationSettings,
  s: number,
): Promise<SeedEstimate> {
  const seed = seedOf(data, s);
  const graph = architectureNetwork(cell.matrix, cell.ops, settings.shape);
  const estimate = await estimateSeedKernel(graph, {
    images,
    nTrain: data.nTrain,
    nVal: data.nVal,
    bnBatch: seed.bnBatch,
    seed: seed.init,
    batchSize: settings.batchSize,
  });
  return { ...estimate, flops: forwardFlops(graph, data, seed) };
}

/**
 * Seed `s`'s kernel on the ONNX Runtime engine (the same network and kernel as estimateSeed).
 *
 * @example const estimate = await estimateSeedOnnx(new OnnxFeatureEngine(graph), data, settings, 0);
 */
export async function estimateSeedOnnx(
  engine: OnnxFeatureEngine,
  data: NngpData,
  settings: EvaluationSettings,
  s: number,
): Promise<SeedEstimate> {
  const seed = seedOf(data, s);
  const estimate = await estimateSeedKernelOnnx(engine, {
    images: data.images,
    nTrain: data.nTrain,
    nVal: data.nVal,
    bnBatch: seed.bnBatch,
    seed: seed.init,
    batchSize: settings.batchSize,
  });
  return { ...estimate, flops: forwardFlops(engine.graph, data, seed) };
}

function seedOf(data: NngpData, s: number): NngpData['seeds'][number] {
  const seed = data.seeds[s];
  if (seed === undefined) throw new RangeError(`no seed ${s} (ensemble of ${data.seeds.length})`);
  return seed;
}

/** FLOPs (2 × MACs) of one seed's forward passes: the batch-norm batch, then every image. */
function forwardFlops(graph: NetworkGraph, data: NngpData, seed: { bnBatch: number[] }): number {
  return 2 * forwardMacs(graph, graph.features) * (seed.bnBatch.length + data.nTrain + data.nVal);
}

/** Kernels to store (per the retention setting) and results of every configuration, from the seeds' kernels. */
export function assembleEvaluation(
  hash: string,
  seeds: readonly SeedEstimate[],
  labels: { trainLabels: Uint8Array; valLabels: Uint8Array },
  settings: EvaluationSettings,
  seconds: number,
): ArchitectureEvaluation {
  const seedKernels = seeds.map((e) => e.kernel);
  const kernels: ArchitectureEvaluation['kernels'] = [];
  if (settings.retention === 'all') {
    seeds.forEach((e, s) => {
      kernels.push({
        seed: s,
        encoded: encodeSeedKernel(e.kernel, e.features, e.width, settings.dtype),
      });
    });
  }
  if (settings.retention === 'largest') {
    kernels.push({ seed: -1, encoded: largestEnsemble(seedKernels, settings) });
  }
  return {
    hash,
    results: inferConfigs(seedKernels, labels, settings.configs, settings.regularizers),
    kernels,
    seconds,
    flops: seeds.reduce((sum, e) => sum + e.flops, 0),
  };
}

/** NNGP inference for each configuration from the per-seed kernels (no forward pass). */
export function inferConfigs(
  seedKernels: readonly SeedKernel[],
  labels: { trainLabels: Uint8Array; valLabels: Uint8Array },
  configs: readonly NngpConfig[],
  regularizers?: number[],
): ConfigResult[] {
  return configs.map((config) => {
    const { kTrainTrain, kValTrain } = ensembleKernel(seedKernels, config);
    const result = nngpInference({
      kTrainTrain,
      kValTrain,
      trainLabels: labels.trainLabels.subarray(0, config.nTrain),
      valLabels: labels.valLabels.subarray(0, config.nVal),
      ...(regularizers ? { regularizers } : {}),
    });
    return {
      ...config,
      accuracy: result.bestAccuracy,
      accuracies: result.accuracies,
      regularizers: result.regularizers,
    };
  });
}

function largestEnsemble(seedKernels: SeedKernel[], settings: EvaluationSettings): EncodedKernel {
  const largest = settings.configs[0] as NngpConfig;
  const { kTrainTrain, kValTrain } = ensembleKernel(seedKernels, largest);
  const kernel: SeedKernel = {
    nTrain: largest.nTrain,
    nVal: largest.nVal,
    kTrainTrain: Float32Array.from(kTrainTrain),
    kValTrain: Float32Array.from(kValTrain),
  };
  // An averaged kernel has no single feature factor: always store the kernel blocks.
  return encodeSeedKernel(kernel, new Float32Array(0), Number.POSITIVE_INFINITY, settings.dtype);
}
