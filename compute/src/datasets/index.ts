/**
 * CIFAR-10 for the NNGP: the official binary batches as NHWC bytes, the paper's per-channel
 * standardisation, seeded label-balanced nested train/validation draws, and the seeded random
 * numbers the rest of compute reuses. ImageNet-format folders (root/<class>/*.JPEG, or
 * root/train/… and root/val/…): the same draws over class folders, with label subsets, decoded
 * by sharp with the standard validation processing. Plain typed arrays only: the engines make
 * tensors.
 *
 * @example
 * import { drawSplits, loadCifar10, standardise } from './datasets/index.ts';
 * const data = await loadCifar10('data/cifar-10-batches-bin');
 * const { train, val } = drawSplits(data.labels, { nTrain: 500, nVal: 200, seed: 0 });
 * const xTrain = standardise(data.images, train);
 *
 * @example
 * import { loadImageFolderSplits } from './datasets/index.ts';
 * const imagenet = await loadImageFolderSplits('data/imagenet', {
 *   nTrain: 1000, nVal: 1000, labels: 100, seed: 0, resolution: 224,
 * });
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
export {
  ClassCapacityError,
  type ClassShortfall,
  DatasetError,
  type DatasetLocation,
  DrawCapacityError,
} from './errors.ts';
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
export {
  type ImageFolderData,
  type ImageFolderLoadOptions,
  loadImageFolderSplits,
} from './image-folder/load.ts';
export {
  type DecodedImage,
  decodeImage,
  IMAGENET_MEAN,
  IMAGENET_STD,
  type ImageInput,
  preprocessImage,
  type ValidationGeometry,
  validationCrop,
  validationGeometry,
} from './image-folder/preprocess.ts';
export { IMAGE_EXTENSIONS, type ImageFolderIndex, indexImageFolder } from './image-folder/scan.ts';
export {
  type ImageFolderSplitOptions,
  type ImageFolderSplits,
  imageFolderSplits,
} from './image-folder/splits.ts';
export { createRandom, deriveSeed, type Random, randomInt, shuffle } from './random.ts';
export { randomBatch } from './random-batch.ts';
export { CIFAR10_MEAN, CIFAR10_STD, standardise } from './standardise.ts';
