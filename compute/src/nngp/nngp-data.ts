import {
  deriveSeed,
  drawSplits,
  loadCifar10,
  randomBatch,
  standardise,
} from '../datasets/index.ts';

/** Labels of the training or validation images: bytes for CIFAR-10, 16 bits for ImageNet's 1,000. */
export type Labels = Uint8Array | Uint16Array;

/** The images and labels one experiment evaluates every architecture on. */
export interface NngpData {
  /** Standardised NHWC float32: the n_t training images, then the n_v validation images. */
  images: Float32Array;
  nTrain: number;
  nVal: number;
  trainLabels: Labels;
  valLabels: Labels;
  /** Height and width of the square images (default 32, CIFAR-10's). */
  imageSize?: number;
  /** Classes the labels range over (default 10, CIFAR-10's). */
  numClasses?: number;
  /** Per seed index: its initialisation seed and its batch-norm batch (rows among the training images). */
  seeds: { init: number; bnBatch: number[] }[];
}

export interface NngpDataOptions {
  /** CIFAR-10 batch files, or a directory with data_batch_1..5.bin. */
  dataset: string | string[];
  nTrain: number;
  nVal: number;
  ensemble: number;
  seed: number;
  /** Images in the training-mode pass that sets batch-norm statistics. */
  bnBatchSize: number;
}

/**
 * Draws the experiment's balanced, nested train/validation subsets and, per seed, an
 * initialisation seed and a random batch-norm batch — all derived from `seed`.
 *
 * @example const data = await loadNngpData({ dataset: dir, nTrain: 100, nVal: 200, ensemble: 2, seed: 0, bnBatchSize: 128 });
 */
export async function loadNngpData(options: NngpDataOptions): Promise<NngpData> {
  const { nTrain, nVal, ensemble, seed } = options;
  const pool = await loadCifar10(options.dataset);
  const { train, val } = drawSplits(pool.labels, { nTrain, nVal, seed });
  const images = new Float32Array(standardise(pool.images, [...train, ...val]));
  return {
    images,
    nTrain,
    nVal,
    trainLabels: Uint8Array.from(train, (i) => pool.labels[i] as number),
    valLabels: Uint8Array.from(val, (i) => pool.labels[i] as number),
    seeds: ensembleSeeds({ nTrain, ensemble, seed, bnBatchSize: options.bnBatchSize }),
  };
}

/**
 * Per seed index of an ensemble: its initialisation seed and its batch-norm batch (rows among the
 * n_t training images), derived from the experiment's seed — whatever the dataset.
 *
 * @example ensembleSeeds({ nTrain: 100, ensemble: 2, seed: 0, bnBatchSize: 128 }) // [{ init, bnBatch: [100 rows] }, …]
 */
export function ensembleSeeds(options: {
  nTrain: number;
  ensemble: number;
  seed: number;
  bnBatchSize: number;
}): NngpData['seeds'] {
  const { nTrain, ensemble, seed } = options;
  const trainRows = Array.from({ length: nTrain }, (_, i) => i);
  return Array.from({ length: ensemble }, (_, s) => ({
    init: deriveSeed(seed, 1, s),
    bnBatch: randomBatch(trainRows, Math.min(options.bnBatchSize, nTrain), deriveSeed(seed, 2, s)),
  }));
}

/**
 * The images' tensor shape, [n_t + n_v, size, size, 3].
 *
 * @example imageTensorShape(data) // [300, 32, 32, 3]
 */
export function imageTensorShape(data: NngpData): [number, number, number, number] {
  const size = data.imageSize ?? 32;
  return [data.nTrain + data.nVal, size, size, 3];
}
