import {
  deriveSeed,
  drawSplits,
  loadCifar10,
  randomBatch,
  standardise,
} from '../datasets/index.ts';

/** The images and labels one experiment evaluates every architecture on. */
export interface NngpData {
  /** Standardised NHWC float32: the n_t training images, then the n_v validation images. */
  images: Float32Array;
  nTrain: number;
  nVal: number;
  trainLabels: Uint8Array;
  valLabels: Uint8Array;
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
  const trainRows = Array.from({ length: nTrain }, (_, i) => i);
  return {
    images,
    nTrain,
    nVal,
    trainLabels: Uint8Array.from(train, (i) => pool.labels[i] as number),
    valLabels: Uint8Array.from(val, (i) => pool.labels[i] as number),
    seeds: Array.from({ length: ensemble }, (_, s) => ({
      init: deriveSeed(seed, 1, s),
      bnBatch: randomBatch(
        trainRows,
        Math.min(options.bnBatchSize, nTrain),
        deriveSeed(seed, 2, s),
      ),
    })),
  };
}
