/**
 * The CIFAR-10 binary format ("CIFAR-10 binary version" on the dataset's page): each record is
 * one label byte followed by the 32×32 red, green and blue planes, row-major.
 */
export const CIFAR10_HEIGHT = 32;
export const CIFAR10_WIDTH = 32;
export const CIFAR10_CHANNELS = 3;
/** Bytes of one colour plane (and pixels of one image). */
export const CIFAR10_PLANE_BYTES = CIFAR10_HEIGHT * CIFAR10_WIDTH;
/** Bytes of one image's pixels, in either layout. */
export const CIFAR10_IMAGE_BYTES = CIFAR10_PLANE_BYTES * CIFAR10_CHANNELS;
/** Bytes of one record on disk: the label byte, then the image. */
export const CIFAR10_RECORD_BYTES = 1 + CIFAR10_IMAGE_BYTES;
export const CIFAR10_CLASSES = 10;
/** Class names by label, as in the dataset's batches.meta.txt. */
export const CIFAR10_CLASS_NAMES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;
/** The training split's file names in the official tarball's cifar-10-batches-bin/. */
export const CIFAR10_TRAIN_BATCHES = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
] as const;
export const CIFAR10_TEST_BATCH = 'test_batch.bin';
