import type { KernelKind } from '@nngp-nas/db';
import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import type { NetworkShape } from '../nasbench/structure.ts';
import { architectureNetwork, forwardMacs, type NetworkGraph } from '../network/index.ts';
import { OnnxFeatureEngine, type OnnxProvider } from '../network/onnx/index.ts';
import { startBackend } from '../network/tfjs/index.ts';
import type { NngpConfig } from './configs.ts';
import { ensembleKernel } from './ensemble.ts';
import type { EngineName } from './evaluation-defaults.ts';
import { nngpInference } from './inference/index.ts';
import { estimateSeedKernel, estimateSeedKernelOnnx } from './kernel-estimation.ts';
import { imageTensorShape, type Labels, type NngpData } from './nngp-data.ts';
import { estimateSeedNtk } from './ntk-estimation.ts';
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
  /**
   * Kernels to estimate (default ['nngp']). The NTK needs gradients, so it always runs on
   * TensorFlow.js, whatever the NNGP's engine.
   */
  kernels?: readonly KernelKind[];
}

/** What inference and storing need of the settings (assembleEvaluation). */
export type InferenceSettings = Pick<
  EvaluationSettings,
  'configs' | 'regularizers' | 'retention' | 'dtype'
>;

/** What a network's NNGP evaluation needs of the settings: no NAS-Bench-101 shape. */
export type SeedSettings = InferenceSettings &
  Pick<EvaluationSettings, 'batchSize' | 'engine' | 'provider'>;

export interface ConfigResult extends NngpConfig {
  accuracy: number | null;
  accuracies: (number | null)[];
  regularizers: number[];
}

/** One kernel's evaluation of an architecture: its results, the kernels to store, its cost. */
export interface KernelEvaluation {
  results: ConfigResult[];
  /** Kernels to store: seed index, or -1 for the largest configuration's ensemble average. */
  kernels: { seed: number; encoded: EncodedKernel }[];
  /** Wall time of its kernel estimation (forward passes, kernels); the inference is not counted. */
  seconds: number;
  /**
   * Floating-point operations of its kernel estimation: all seeds, all images, FLOPs = 2 × MACs
   * (the NNGP's forward passes; the NTK's forward and backward passes and gradient products).
   */
  flops: number;
}

/** The NNGP's evaluation of an architecture (empty when only the NTK was asked for), and the NTK's. */
export interface ArchitectureEvaluation extends KernelEvaluation {
  hash: string;
  ntk?: KernelEvaluation;
}

/** The kernels an evaluation estimates (settings.kernels, default the NNGP alone). */
export function kernelsOf(settings: EvaluationSettings): readonly KernelKind[] {
  return settings.kernels ?? ['nngp'];
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
  const kinds = kernelsOf(settings);
  const evaluation = kinds.includes('nngp')
    ? await evaluateNetwork(
        cell.hash,
        architectureNetwork(cell.matrix, cell.ops, settings.shape),
        data,
        images,
        settings,
      )
    : assembleEvaluation(cell.hash, [], data, settings, 0);
  if (!kinds.includes('ntk')) return evaluation;
  const started = performance.now();
  const ntkSeeds = await withImageTensor(data, images, async (tensor) => {
    const estimates: SeedEstimate[] = [];
    for (let s = 0; s < data.seeds.length; s++)
      estimates.push(await estimateSeedNtkOf(cell, data, tensor, settings, s));
    return estimates;
  });
  const { hash: _, ...ntk } = assembleEvaluation(
    cell.hash,
    ntkSeeds,
    data,
    settings,
    (performance.now() - started) / 1000,
  );
  return { ...evaluation, ntk };
}

/**
 * NNGP evaluation of any network (its `features` node is the NNGP feature vector): the per-seed
 * kernels on the settings' engine, then inference for every configuration. NAS-Bench-101 cells
 * and MNAS networks both come through here.
 *
 * @example const evaluation = await evaluateNetwork(spec.hash(), mnasNetwork(spec, { imageSize: 32 }), data, images, settings);
 */
export async function evaluateNetwork(
  hash: string,
  graph: NetworkGraph,
  data: NngpData,
  images: tf.Tensor4D | null,
  settings: SeedSettings,
): Promise<ArchitectureEvaluation> {
  const started = performance.now();
  const seeds: SeedEstimate[] = [];
  if (settings.engine === 'onnx') {
    // One engine per network, seeds one after another: ORT's pool already uses every core.
    const engine = new OnnxFeatureEngine(graph, settings.provider ?? 'cpu');
    try {
      for (let s = 0; s < data.seeds.length; s++)
        seeds.push(await estimateSeedOnnx(engine, data, settings, s));
    } finally {
      await engine.release();
    }
  } else {
    if (images === null) throw new RangeError('the tfjs engine needs the images as a tensor');
    for (let s = 0; s < data.seeds.length; s++)
      seeds.push(await estimateGraphSeed(graph, data, images, settings, s));
  }
  return assembleEvaluation(hash, seeds, data, settings, (performance.now() - started) / 1000);
}

/** Runs `f` on the images as a tfjs tensor: `images` when given, else one made (and freed) here on the backend started, or the first that starts. */
export async function withImageTensor<T>(
  data: NngpData,
  images: tf.Tensor4D | null,
  f: (images: tf.Tensor4D) => Promise<T>,
): Promise<T> {
  if (images !== null) return f(images);
  if (!tf.getBackend()) await startBackend();
  const tensor = tf.tensor4d(data.images, imageTensorShape(data));
  try {
    return await f(tensor);
  } finally {
    tensor.dispose();
  }
}

/**
 * Seed `s`'s empirical NTK of the architecture (its network with the dense head, the same
 * initialisation and batch-norm calibration as the NNGP's seed `s`): the NTK's unit of work.
 *
 * @example const estimate = await estimateSeedNtkOf(cell, data, images, settings, 0);
 */
export async function estimateSeedNtkOf(
  cell: { matrix: Matrix; ops: readonly Operation[] },
  data: NngpData,
  images: tf.Tensor4D,
  settings: EvaluationSettings,
  s: number,
): Promise<SeedEstimate> {
  const graph = architectureNetwork(cell.matrix, cell.ops, settings.shape, { head: true });
  const { kernel, flops } = await estimateSeedNtk(graph, {
    images,
    ...seedRequest(data, settings, s),
  });
  // No feature factor: the kernel blocks are always what is stored.
  return { kernel, features: new Float32Array(0), width: Number.POSITIVE_INFINITY, flops };
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
  const graph = architectureNetwork(cell.matrix, cell.ops, settings.shape);
  return estimateGraphSeed(graph, data, images, settings, s);
}

/** Seed `s`'s NNGP kernel of any network on tfjs (estimateSeed for a given graph). */
async function estimateGraphSeed(
  graph: NetworkGraph,
  data: NngpData,
  images: tf.Tensor4D,
  settings: Pick<EvaluationSettings, 'batchSize'>,
  s: number,
): Promise<SeedEstimate> {
  const request = seedRequest(data, settings, s);
  const estimate = await estimateSeedKernel(graph, { images, ...request });
  return { ...estimate, flops: forwardFlops(graph, data, request) };
}

/**
 * Seed `s`'s kernel on the ONNX Runtime engine (the same network and kernel as estimateSeed).
 *
 * @example const estimate = await estimateSeedOnnx(new OnnxFeatureEngine(graph), data, settings, 0);
 */
export async function estimateSeedOnnx(
  engine: OnnxFeatureEngine,
  data: NngpData,
  settings: Pick<EvaluationSettings, 'batchSize'>,
  s: number,
): Promise<SeedEstimate> {
  const request = seedRequest(data, settings, s);
  const estimate = await estimateSeedKernelOnnx(engine, { images: data.images, ...request });
  return { ...estimate, flops: forwardFlops(engine.graph, data, request) };
}

/** What every engine's seed estimate needs besides the images: sizes, seed `s`'s initialisation and batch-norm batch, the batch size. */
export function seedRequest(
  data: NngpData,
  settings: Pick<EvaluationSettings, 'batchSize'>,
  s: number,
) {
  const seed = data.seeds[s];
  if (seed === undefined) throw new RangeError(`no seed ${s} (ensemble of ${data.seeds.length})`);
  return {
    nTrain: data.nTrain,
    nVal: data.nVal,
    bnBatch: seed.bnBatch,
    seed: seed.init,
    batchSize: settings.batchSize,
  };
}

/** FLOPs (2 × MACs) of one seed's forward passes: the batch-norm batch, then every image. */
export function forwardFlops(
  graph: NetworkGraph,
  data: NngpData,
  seed: { bnBatch: number[] },
): number {
  return 2 * forwardMacs(graph, graph.features) * (seed.bnBatch.length + data.nTrain + data.nVal);
}

/** Kernels to store (per the retention setting) and results of every configuration, from the seeds' kernels (none without seeds). */
export function assembleEvaluation(
  hash: string,
  seeds: readonly SeedEstimate[],
  labels: { trainLabels: Labels; valLabels: Labels; numClasses?: number },
  settings: InferenceSettings,
  seconds: number,
): ArchitectureEvaluation {
  // No seeds: this kernel was not asked for (an NTK-only evaluation's NNGP part).
  if (seeds.length === 0) return { hash, results: [], kernels: [], seconds, flops: 0 };
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
  labels: { trainLabels: Labels; valLabels: Labels; numClasses?: number },
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
      ...(labels.numClasses ? { numClasses: labels.numClasses } : {}),
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

function largestEnsemble(seedKernels: SeedKernel[], settings: InferenceSettings): EncodedKernel {
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
