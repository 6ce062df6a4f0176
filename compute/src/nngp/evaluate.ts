import type * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import type { NetworkShape } from '../nasbench/structure.ts';
import { forwardMacs, nasbenchNetwork } from '../network/index.ts';
import type { NngpConfig } from './configs.ts';
import { ensembleKernel } from './ensemble.ts';
import { nngpInference } from './inference/index.ts';
import { estimateSeedKernel } from './kernel-estimation.ts';
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
  /** Wall time of this architecture (forward passes, kernels, inference). */
  seconds: number;
  /** Floating-point operations of its forward passes: all seeds, all images, FLOPs = 2 × MACs. */
  flops: number;
}

/**
 * Estimates the architecture's NNGP kernel from `data.seeds.length` initialisations and runs NNGP
 * inference for every configuration (smaller ones from sub-blocks and partial ensembles).
 *
 * @example const evaluation = evaluateArchitecture({ hash, matrix, ops }, data, images, settings);
 */
export function evaluateArchitecture(
  cell: { hash: string; matrix: Matrix; ops: readonly Operation[] },
  data: NngpData,
  images: tf.Tensor4D,
  settings: EvaluationSettings,
): ArchitectureEvaluation {
  const started = performance.now();
  const graph = nasbenchNetwork(cell.matrix, cell.ops, settings.shape);
  const seedKernels: SeedKernel[] = [];
  const kernels: ArchitectureEvaluation['kernels'] = [];
  let imagesSeen = 0;
  data.seeds.forEach((seed, s) => {
    const { kernel, features, width } = estimateSeedKernel(graph, {
      images,
      nTrain: data.nTrain,
      nVal: data.nVal,
      bnBatch: seed.bnBatch,
      seed: seed.init,
      batchSize: settings.batchSize,
    });
    imagesSeen += seed.bnBatch.length + data.nTrain + data.nVal;
    seedKernels.push(kernel);
    if (settings.retention === 'all') {
      kernels.push({ seed: s, encoded: encodeSeedKernel(kernel, features, width, settings.dtype) });
    }
  });
  if (settings.retention === 'largest')
    kernels.push({ seed: -1, encoded: largestEnsemble(seedKernels, settings) });
  const results = inferConfigs(seedKernels, data, settings.configs, settings.regularizers);
  return {
    hash: cell.hash,
    results,
    kernels,
    seconds: (performance.now() - started) / 1000,
    flops: 2 * forwardMacs(graph, graph.features) * imagesSeen,
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
