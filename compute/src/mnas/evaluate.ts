import type * as tf from '@tensorflow/tfjs-core';
import { loadImageFolderSplits } from '../datasets/index.ts';
import { configsWithin, type NngpConfig } from '../nngp/configs.ts';
import {
  type ArchitectureEvaluation,
  evaluateNetwork,
  type SeedSettings,
  withImageTensor,
} from '../nngp/evaluate.ts';
import type { EngineName } from '../nngp/evaluation-defaults.ts';
import { ensembleSeeds, type NngpData } from '../nngp/nngp-data.ts';
import { mnasNetwork } from './network.ts';
import type { MnasSpec } from './spec.ts';

export interface MnasDataOptions extends NngpConfig {
  /** An ImageNet-format folder: `<class>/*.JPEG`, or `train/<class>/…` and `val/<class>/…`. */
  images: string;
  /** 'all' classes or a seeded random subset of this many (the paper: 1,000 and 100). */
  labels: 'all' | number;
  /** Side of the centre crop (224 is ImageNet's; smaller keeps CPU evaluation affordable). */
  resolution: number;
  seed: number;
  bnBatchSize: number;
  onProgress?: (done: number, total: number) => void;
}

/** NNGP data drawn from an ImageNet-format folder, with the drawn classes' names. */
export type MnasData = NngpData & { classNames: string[]; imageSize: number; numClasses: number };

/**
 * The experiment's images from an ImageNet-format folder (balanced draw over the chosen labels,
 * standard validation processing) and its ensemble's seeds, as NngpData for the NNGP.
 *
 * @example const data = await loadMnasData({ images: 'imagenet', labels: 100, resolution: 64, nTrain: 1000, nVal: 1000, ensemble: 2, seed: 0, bnBatchSize: 128 });
 */
export async function loadMnasData(options: MnasDataOptions): Promise<MnasData> {
  const { nTrain, nVal, ensemble, seed } = options;
  const folder = await loadImageFolderSplits(options.images, {
    nTrain,
    nVal,
    seed,
    labels: options.labels,
    resolution: options.resolution,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    images: folder.images,
    nTrain,
    nVal,
    trainLabels: folder.trainLabels,
    valLabels: folder.valLabels,
    imageSize: folder.resolution,
    numClasses: folder.classNames.length,
    classNames: folder.classNames,
    seeds: ensembleSeeds({ nTrain, ensemble, seed, bnBatchSize: options.bnBatchSize }),
  };
}

export interface MnasEvaluationSettings {
  /** Largest configuration first; smaller ones derive from its kernels. */
  configs: NngpConfig[];
  batchSize: number;
  engine: EngineName;
}

/**
 * NNGP evaluation of MNAS networks on the data, one after another: each network's kernel from the
 * ensemble's initialisations (its pooled 1280-d features), then inference for every
 * configuration; `onEvaluated` sees each as it is done (to store it and report progress).
 *
 * @example await evaluateMnas(specs, data, { configs: [{ nTrain: 100, nVal: 100, ensemble: 2 }], batchSize: 50, engine: 'onnx' }, (e) => append(e));
 */
export async function evaluateMnas(
  specs: readonly MnasSpec[],
  data: MnasData,
  settings: MnasEvaluationSettings,
  onEvaluated: (evaluation: ArchitectureEvaluation, spec: MnasSpec) => void | Promise<void>,
): Promise<void> {
  const [largest, ...smaller] = settings.configs;
  if (largest === undefined) throw new RangeError('no configuration to evaluate');
  const seedSettings: SeedSettings = {
    configs: configsWithin(largest, smaller),
    batchSize: settings.batchSize,
    engine: settings.engine,
    retention: 'none',
    dtype: 'float32',
  };
  const run = async (images: tf.Tensor4D | null) => {
    for (const spec of specs) {
      const graph = mnasNetwork(spec, { imageSize: data.imageSize });
      await onEvaluated(
        await evaluateNetwork(spec.hash(), graph, data, images, seedSettings),
        spec,
      );
    }
  };
  // ONNX Runtime reads the float array; tfjs gets one image tensor for every network.
  if (settings.engine === 'onnx') await run(null);
  else await withImageTensor(data, null, run);
}
