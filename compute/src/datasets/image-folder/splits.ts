/**
 * Seeded, label-balanced, nested train and validation draws of image files from an
 * ImageNet-format folder, by the rule `drawSplits` applies to CIFAR-10.
 *
 * Layouts: when root holds both train/ and val/, training images come from train/ and
 * validation images from val/ (their classes must match); otherwise both come from root's class
 * folders, disjointly. To draw both splits from ImageNet's training set, as the NNGP does for
 * CIFAR-10, pass root/train.
 *
 * @example
 * const splits = await imageFolderSplits('imagenet', { nTrain: 1000, nVal: 1000, labels: 100, seed: 0 });
 * splits.classNames.length; // 100, sorted; splits.trainLabels[i] indexes it
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { alternate, interleave, permuteClass } from '../balanced-draw.ts';
import { ClassCapacityError, DatasetError } from '../errors.ts';
import { createRandom, deriveSeed, shuffle } from '../random.ts';
import { type ImageFolderIndex, indexImageFolder } from './scan.ts';

export interface ImageFolderSplitOptions {
  nTrain: number;
  nVal: number;
  seed: number;
  /** 'all' (the default) or k: a seeded random subset of k classes. */
  labels?: 'all' | number;
}

export interface ImageFolderSplits {
  /** 'train-val': drawn from root/train and root/val; 'single': both from root's classes. */
  layout: 'train-val' | 'single';
  /** The drawn classes' folder names, sorted; label l is classNames[l]. */
  classNames: string[];
  trainFiles: string[];
  trainLabels: Uint16Array;
  valFiles: string[];
  valLabels: Uint16Array;
}

// Streams under the draw's seed. drawSplits uses 0 for the class order and 1 + label for each
// class's permutation; the label subset takes the last 32-bit stream, clear of both.
const LABEL_SUBSET_STREAM = 0xffff_ffff;
/** Labels are stored as Uint16. */
const MAX_CLASSES = 65_536;

/**
 * Draws the files of both splits. The rule, shared with `drawSplits`:
 * - labels k: the first k classes of a seeded permutation of all classes, sorted by name and
 *   relabelled 0..k−1 (so with one seed a smaller subset lies inside a larger one);
 * - each class's files get a seeded permutation (keyed by the class's index among all classes,
 *   so it does not depend on which subset the class is in); in a single folder its even
 *   positions are the class's training files and its odd positions its validation files, in
 *   train/ and val/ each split uses the whole permutation of its own folder;
 * - each split reads its classes round-robin in one seeded class order. So draws are nested (the
 *   draw for n is the first n of the draw for any larger n, whatever the other split's size),
 *   and balanced: n/k per class, or, when k does not divide n, one more for the first n mod k
 *   classes of the seeded class order.
 * A draw needs ceil(n/k) files of every class for each split; otherwise a ClassCapacityError
 * names the shortest class and its count.
 *
 * @example
 * const { trainFiles, valFiles } = await imageFolderSplits('imagenet/train', { nTrain: 500, nVal: 500, seed: 3 });
 */
export async function imageFolderSplits(
  root: string,
  options: ImageFolderSplitOptions,
): Promise<ImageFolderSplits> {
  const { nTrain, nVal, seed } = options;
  checkCount(nTrain, 'nTrain');
  checkCount(nVal, 'nVal');
  deriveSeed(seed); // rejects a bad seed before any directory is listed
  const { layout, train, val } = await pools(root);
  const chosen = chooseLabels(train.classes.length, options.labels ?? 'all', seed);

  const trainPool = new Pool(train, chosen);
  const valPool = layout === 'single' ? trainPool : new Pool(val, chosen);
  const trainParts: number[][] = [];
  const valParts: number[][] = [];
  for (const [label, original] of chosen.entries()) {
    const permuted = permuteClass(trainPool.members(label), original, seed);
    if (layout === 'single') {
      const { train: even, val: odd } = alternate(permuted);
      trainParts.push(even);
      valParts.push(odd);
    } else {
      trainParts.push(permuted);
      valParts.push(permuteClass(valPool.members(label), original, seed));
    }
  }
  const rule = (parity: string) => (layout === 'single' ? parity : null);
  checkCapacity('training', nTrain, trainParts, trainPool, rule('even'));
  checkCapacity('validation', nVal, valParts, valPool, rule('odd'));
  const trainDraw = interleave(trainParts, nTrain, seed);
  const valDraw = interleave(valParts, nVal, seed);
  return {
    layout,
    classNames: chosen.map((c) => train.classes[c] as string),
    trainFiles: trainDraw.map((i) => trainPool.files[i] as string),
    trainLabels: Uint16Array.from(trainDraw, (i) => trainPool.labels[i] as number),
    valFiles: valDraw.map((i) => valPool.files[i] as string),
    valLabels: Uint16Array.from(valDraw, (i) => valPool.labels[i] as number),
  };
}

/** The chosen classes' files of one folder, concatenated; parts hold indices into it. */
class Pool {
  readonly files: string[] = [];
  readonly labels: number[] = [];
  readonly names: string[] = [];
  readonly folders: string[] = [];
  private readonly starts: number[] = [];

  constructor(index: ImageFolderIndex, chosen: readonly number[]) {
    for (const [label, c] of chosen.entries()) {
      const files = index.files[c] as string[];
      this.starts.push(this.files.length);
      this.names.push(index.classes[c] as string);
      this.folders.push(path.join(index.dir, index.classes[c] as string));
      for (const file of files) {
        this.files.push(file);
        this.labels.push(label);
      }
    }
  }

  /** Indices of the class's files, in name order. */
  members(label: number): number[] {
    const start = this.starts[label] as number;
    const end = this.starts[label + 1] ?? this.files.length;
    return Array.from({ length: end - start }, (_, i) => start + i);
  }
}

async function pools(
  root: string,
): Promise<{ layout: 'train-val' | 'single'; train: ImageFolderIndex; val: ImageFolderIndex }> {
  const [hasTrain, hasVal] = await Promise.all(
    ['train', 'val'].map((name) => isDirectory(path.join(root, name))),
  );
  if (hasTrain && hasVal) {
    const [train, val] = await Promise.all([
      indexImageFolder(path.join(root, 'train')),
      indexImageFolder(path.join(root, 'val')),
    ]);
    checkSameClasses(root, train.classes, val.classes);
    return { layout: 'train-val', train, val };
  }
  if (hasTrain || hasVal) {
    const [present, missing] = hasTrain ? ['train', 'val'] : ['val', 'train'];
    throw new DatasetError(
      { file: root, record: null },
      `has a ${present}/ folder but no ${missing}/ folder; add ${missing}/, or give ` +
        `${path.join(root, present)} to draw both splits from it`,
    );
  }
  const index = await indexImageFolder(root);
  return { layout: 'single', train: index, val: index };
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

function checkSameClasses(root: string, train: string[], val: string[]): void {
  const inVal = new Set(val);
  const inTrain = new Set(train);
  const onlyTrain = train.filter((name) => !inVal.has(name));
  const onlyVal = val.filter((name) => !inTrain.has(name));
  if (onlyTrain.length === 0 && onlyVal.length === 0) return;
  const list = (names: string[]) =>
    names.length === 0
      ? 'none'
      : names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  throw new DatasetError(
    { file: root, record: null },
    `train/ and val/ hold different classes (only in train/: ${list(onlyTrain)}; ` +
      `only in val/: ${list(onlyVal)})`,
  );
}

function chooseLabels(total: number, labels: 'all' | number, seed: number): number[] {
  const all = Array.from({ length: total }, (_, c) => c);
  let chosen = all;
  if (labels !== 'all') {
    if (!Number.isSafeInteger(labels) || labels < 1 || labels > total) {
      throw new RangeError(
        `labels must be 'all' or an integer in [1, ${total}] (the folder's classes), got ${labels}`,
      );
    }
    const random = createRandom(deriveSeed(seed, LABEL_SUBSET_STREAM));
    chosen = shuffle(all, random, labels)
      .slice(0, labels)
      .sort((a, b) => a - b);
  }
  if (chosen.length > MAX_CLASSES) {
    throw new RangeError(`${chosen.length} classes do not fit 16-bit labels (at most 65,536)`);
  }
  return chosen;
}

function checkCapacity(
  what: 'training' | 'validation',
  n: number,
  parts: number[][],
  pool: Pool,
  parity: string | null,
): void {
  const k = parts.length;
  const needed = Math.ceil(n / k);
  // The shortest class bounds every split; ties go to the first class by name.
  let shortest = 0;
  for (const [label, part] of parts.entries()) {
    if (part.length < (parts[shortest] as number[]).length) shortest = label;
  }
  const available = (parts[shortest] as number[]).length;
  if (available >= needed) return;
  const className = pool.names[shortest] as string;
  const held = pool.members(shortest).length;
  const offers =
    parity === null
      ? `holds ${available} images`
      : `offers ${available} for ${what} (the ${parity} positions of its ${held} images' seeded permutation)`;
  throw new ClassCapacityError(
    what,
    n,
    k * available,
    { className, available, needed },
    `a label-balanced draw over ${k} labels takes up to ${needed} images of every class, but ` +
      `class ${className} (${pool.folders[shortest]}) ${offers}, so at most ${k * available} ` +
      `${what} items can be drawn`,
  );
}

function checkCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
