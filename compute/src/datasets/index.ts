/**
 * CIFAR-10 for the NNGP: the official binary batches as NHWC bytes, the paper's per-channel
 * standardisation, seeded label-balanced nested train/validation draws, and the seeded random
 * numbers the rest of compute reuses. Plain typed arrays only: the engines make tensors.
 *
 * @example
 * import { drawSplits, loadCifar10, standardise } from './datasets/index.ts';
 * const data = await loadCifar10('data/cifar-10-batches-bin');
 * const { train, val } = drawSplits(data.labels, { nTrain: 500, nVal: 200, seed: 0 });
 * const xTrain = standardise(data.images, train);
 */
export {
  type DrawOptions,
  drawSplits,
  type SplitCapacity,
  type Splits,
  splitCapacity,
} from './balanced-draw.ts';
export {
  type Cifar10Data,
  type Cifar10LoadOptions,
  loadCifar10,
  loadCifar10Test,
} from './cifar10.ts';
export { DatasetError, type DatasetLocation, DrawCapacityError } from './errors.ts';
export {
  CIFAR10_CHANNELS,
  CIFAR10_CLASS_NAMES,
  CIFAR10_CLASSES,
  CIFAR10_HEIGHT,
  CIFAR10_IMAGE_BYTES,
  CIFAR10_RECORD_BYTES,
  CIFAR10_TEST_BATCH,
  CIFAR10_TRAIN_BATCHES,
  CIFAR10_WIDTH,
} from './format.ts';
export { createRandom, deriveSeed, type Random, randomInt, shuffle } from './random.ts';
export { randomBatch } from './random-batch.ts';
export { CIFAR10_MEAN, CIFAR10_STD, standardise } from './standardise.ts';
