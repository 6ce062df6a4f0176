import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import {
  CIFAR10_CLASS_NAMES,
  type Cifar10Data,
  loadCifar10,
  loadCifar10Test,
} from '../../src/datasets/index.ts';
import { TEST_FILE, TRAIN_FILE } from './helpers.ts';

/** CIFAR-10 training images written to train/, and test images written to val/. */
export const TRAIN_IMAGES = 400;
export const VAL_IMAGES = 200;
/** Training images written in other forms: lossless PNG, grayscale JPEG, EXIF-rotated JPEG. */
export const PNG_IMAGE = 3;
export const GRAY_IMAGE = 5;
export const ROTATED_IMAGE = 7;

/**
 * Real photographs in ImageNet's layout: root/train/<class>/<index>.JPEG from the first
 * CIFAR-10 training images, root/val/<class>/<index>.JPEG from the first test images. Indices
 * are zero-padded, so a class's files sort in pool order, as drawSplits groups them.
 */
export interface ImageFolderFixture {
  root: string;
  train: Cifar10Data;
  val: Cifar10Data;
  /** The file written for training (or test) image i. */
  trainFile: (i: number) => string;
  valFile: (i: number) => string;
}

/** CIFAR image i as a sharp raw input: 32×32 RGB, interleaved. */
export function cifarImage(data: Cifar10Data, i: number): Sharp {
  return sharp(data.images.subarray(i * 3072, (i + 1) * 3072), {
    raw: { width: 32, height: 32, channels: 3 },
  });
}

/**
 * JPEG at quality 95 without chroma subsampling: on 32×32 photos 4:2:0 alone costs up to 8
 * levels of mean error, which would hide the decoding errors the tests look for.
 */
export function jpeg(image: Sharp): Promise<Buffer> {
  return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
}

export async function writeImageFolder(dir: string): Promise<ImageFolderFixture> {
  const train = await loadCifar10([TRAIN_FILE], { limit: TRAIN_IMAGES });
  const val = await loadCifar10Test([TEST_FILE], { limit: VAL_IMAGES });
  const root = path.join(dir, 'imagenet');
  const name = (data: Cifar10Data, split: string, i: number, extension = 'JPEG') =>
    path.join(
      root,
      split,
      CIFAR10_CLASS_NAMES[data.labels[i] as number] as string,
      `${String(i).padStart(5, '0')}.${extension}`,
    );
  const trainFile = (i: number) => name(train, 'train', i, i === PNG_IMAGE ? 'png' : 'JPEG');
  const valFile = (i: number) => name(val, 'val', i);
  for (const split of ['train', 'val']) {
    for (const className of CIFAR10_CLASS_NAMES) {
      await mkdir(path.join(root, split, className), { recursive: true });
    }
  }
  for (let i = 0; i < TRAIN_IMAGES; i++) {
    await writeFile(trainFile(i), await encodeTrain(train, i));
  }
  for (let i = 0; i < VAL_IMAGES; i++) {
    await writeFile(valFile(i), await jpeg(cifarImage(val, i)));
  }
  return { root, train, val, trainFile, valFile };
}

async function encodeTrain(train: Cifar10Data, i: number): Promise<Buffer> {
  const image = cifarImage(train, i);
  if (i === PNG_IMAGE) return image.png().toBuffer();
  if (i === GRAY_IMAGE) return jpeg(image.toColourspace('b-w'));
  // Stored turned a quarter to the left and tagged "rotate 90° clockwise to display" (6), so
  // only a decoder that applies the tag gets the upright photo back.
  if (i === ROTATED_IMAGE) return jpeg(image.rotate(270).withMetadata({ orientation: 6 }));
  return jpeg(image);
}
