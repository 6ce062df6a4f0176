import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CIFAR10_CLASS_NAMES,
  ClassCapacityError,
  DatasetError,
  DrawCapacityError,
  drawSplits,
  type ImageFolderSplitOptions,
  imageFolderSplits,
  indexImageFolder,
} from '../../src/datasets/index.ts';
import { rejection, tempDir } from './helpers.ts';
import {
  type ImageFolderFixture,
  TRAIN_IMAGES,
  VAL_IMAGES,
  writeImageFolder,
} from './image-folder-fixture.ts';

let dir = '';
let fixture: ImageFolderFixture;
let photo = ''; // one real JPEG, copied wherever a folder needs an image

beforeAll(async () => {
  dir = await tempDir();
  fixture = await writeImageFolder(dir);
  photo = fixture.trainFile(0);
});

const SEEDS = [0, 1, 42, 2 ** 32 - 1];
const names = [...CIFAR10_CLASS_NAMES];
// Classes of the first 400 training images: airplane 35, automobile 56, bird 33, cat 41,
// deer 38, dog 33, frog 46, horse 40, ship 32, truck 46; of the first 200 test images the
// smallest is automobile with 14.

/** A folder tree from {relative path: true for a copy of a real JPEG, or text content}. */
async function tree(root: string, files: Record<string, true | string>): Promise<string> {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    if (content === true) await copyFile(photo, file);
    else await writeFile(file, content);
  }
  return root;
}

function countsOf(labels: Uint16Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  return counts;
}

const draw = (options: ImageFolderSplitOptions, root = fixture.root) =>
  imageFolderSplits(root, options);

describe('indexImageFolder', () => {
  it('lists classes and their files sorted, labels by class order', async () => {
    const index = await indexImageFolder(path.join(fixture.root, 'train'));
    expect(index.classes).toEqual(names); // CIFAR-10's names happen to be alphabetical
    for (const [label, files] of index.files.entries()) {
      const expected: string[] = [];
      for (let i = 0; i < TRAIN_IMAGES; i++) {
        if (fixture.train.labels[i] === label) expected.push(fixture.trainFile(i));
      }
      expect(files).toEqual(expected);
    }
    const val = await indexImageFolder(path.join(fixture.root, 'val'));
    expect(val.files.flat()).toHaveLength(VAL_IMAGES);
  });

  it('takes .jpeg/.jpg/.png in any case, by code unit, and skips hidden and other entries', async () => {
    const root = await tree(path.join(dir, 'mixed'), {
      'b/only.jpeg': true,
      'a/x.jpg': true,
      'a/Y.JPG': true,
      'a/z.Jpeg': true,
      'a/w.PNG': true,
      'a/.hidden.JPEG': true,
      'a/notes.txt': 'not an image',
      'a/nested/deep.JPEG': true,
      '.cache/c.JPEG': true,
      'README.txt': 'about',
    });
    const index = await indexImageFolder(root);
    expect(index.classes).toEqual(['a', 'b']);
    // Code-unit order puts capitals first; a locale sort would say w, x, Y, z.
    expect(index.files[0]).toEqual(
      ['Y.JPG', 'w.PNG', 'x.jpg', 'z.Jpeg'].map((f) => `${root}/a/${f}`),
    );
    expect(index.files[1]).toEqual([`${root}/b/only.jpeg`]);
  });

  it('names a missing directory, a file, a folder without classes and an empty class', async () => {
    const missing = path.join(dir, 'nowhere');
    const cases: [string, string][] = [
      [missing, `${missing}: no such directory`],
      [photo, `${photo}: is not a directory`],
    ];
    const flat = await tree(path.join(dir, 'flat'), { '1.JPEG': true, '2.jpg': true });
    cases.push([
      flat,
      `${flat}: no class folders found (expected ${flat}/<class>/<image>.JPEG) ` +
        '(it holds 2 images directly; put them in class folders)',
    ]);
    const empty = await tree(path.join(dir, 'empty-class'), {
      'cat/1.JPEG': true,
      'dog/.2.JPEG': true,
      'dog/labels.txt': 'dog',
    });
    cases.push([
      empty,
      `${empty}/dog: class folder holds no images (looked for .jpeg, .jpg, .png, any case)`,
    ]);
    for (const [root, message] of cases) {
      const error = await rejection(indexImageFolder(root));
      expect(error).toBeInstanceOf(DatasetError);
      expect(error.message).toBe(message);
    }
  });
});

describe('imageFolderSplits in one folder', () => {
  it('draws exactly what drawSplits draws from the same photos', async () => {
    for (const seed of SEEDS) {
      const splits = await draw({ nTrain: 160, nVal: 160, seed }, path.join(fixture.root, 'train'));
      const expected = drawSplits(fixture.train.labels, { nTrain: 160, nVal: 160, seed });
      expect(splits.layout).toBe('single');
      expect(splits.classNames).toEqual(names);
      expect(splits.trainFiles).toEqual(expected.train.map(fixture.trainFile));
      expect(splits.valFiles).toEqual(expected.val.map(fixture.trainFile));
      expect([...splits.trainLabels]).toEqual(expected.train.map((i) => fixture.train.labels[i]));
      expect(new Set([...splits.trainFiles, ...splits.valFiles]).size).toBe(320);
    }
  });

  it('names the shortest class when a balanced draw needs more of it', async () => {
    const root = path.join(fixture.root, 'train');
    // ship: 32 images → 16 for training; bird, dog and ship offer 16 for validation (bird first).
    const train = await rejection(draw({ nTrain: 161, nVal: 0, seed: 0 }, root));
    expect(train).toBeInstanceOf(ClassCapacityError);
    expect(train).toBeInstanceOf(DrawCapacityError);
    expect(train).toMatchObject({
      what: 'training',
      requested: 161,
      capacity: 160,
      className: 'ship',
      available: 16,
      needed: 17,
    });
    expect(train.message).toBe(
      'cannot draw 161 training items: a label-balanced draw over 10 labels takes up to 17 ' +
        `images of every class, but class ship (${root}/ship) offers 16 for training (the even ` +
        "positions of its 32 images' seeded permutation), so at most 160 training items can be drawn",
    );
    const val = await rejection(draw({ nTrain: 0, nVal: 161, seed: 0 }, root));
    expect(val).toMatchObject({ what: 'validation', className: 'bird', available: 16 });
  });
});

describe('imageFolderSplits over train/ and val/', () => {
  it('draws training files from train/ and validation files from val/, labelled by folder', async () => {
    // val/ is not halved: all 14 automobile test images can be drawn.
    const splits = await draw({ nTrain: 320, nVal: 140, seed: 7 });
    expect(splits.layout).toBe('train-val');
    for (const [split, files, labels] of [
      ['train', splits.trainFiles, splits.trainLabels],
      ['val', splits.valFiles, splits.valLabels],
    ] as const) {
      expect(new Set(files).size).toBe(files.length);
      for (const [i, file] of files.entries()) {
        expect(path.relative(fixture.root, file).split(path.sep).slice(0, 2)).toEqual([
          split,
          splits.classNames[labels[i] as number],
        ]);
      }
    }
    expect(countsOf(splits.valLabels, 10)).toEqual(new Array(10).fill(14));
  });

  it('is balanced: n/k per class, the remainder to the first classes of the seeded order', async () => {
    for (const seed of SEEDS) {
      const even = await draw({ nTrain: 100, nVal: 50, seed });
      expect(countsOf(even.trainLabels, 10)).toEqual(new Array(10).fill(10));
      expect(countsOf(even.valLabels, 10)).toEqual(new Array(10).fill(5));
      const uneven = await draw({ nTrain: 105, nVal: 3, seed });
      const counts = countsOf(uneven.trainLabels, 10);
      const firstRound = [...uneven.trainLabels.subarray(0, 10)];
      expect(new Set(firstRound).size).toBe(10);
      for (const [label, count] of counts.entries()) {
        expect(count).toBe(firstRound.indexOf(label) < 5 ? 11 : 10);
      }
      // The validation split reads the classes in the same seeded order.
      expect([...uneven.valLabels]).toEqual(firstRound.slice(0, 3));
    }
  });

  it('nests and repeats: a smaller draw is a prefix, whatever the other split’s size', async () => {
    for (const seed of SEEDS) {
      const largest = await draw({ nTrain: 320, nVal: 140, seed });
      expect(await draw({ nTrain: 320, nVal: 140, seed })).toEqual(largest);
      for (const [nTrain, nVal] of [
        [0, 140],
        [1, 0],
        [57, 13],
        [100, 100],
      ] as const) {
        const smaller = await draw({ nTrain, nVal, seed });
        expect(smaller.trainFiles).toEqual(largest.trainFiles.slice(0, nTrain));
        expect(smaller.valFiles).toEqual(largest.valFiles.slice(0, nVal));
      }
    }
    const draws = await Promise.all(SEEDS.map((seed) => draw({ nTrain: 20, nVal: 0, seed })));
    expect(new Set(draws.map((d) => d.trainFiles.join())).size).toBe(SEEDS.length);
  });

  it('draws a seeded subset of k labels, sorted, relabelled 0..k−1 and nested in larger k', async () => {
    const subsets = new Set<string>();
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const three = await draw({ nTrain: 30, nVal: 9, labels: 3, seed });
      expect(three.classNames).toHaveLength(3);
      expect(three.classNames).toEqual([...three.classNames].sort());
      expect(countsOf(three.trainLabels, 3)).toEqual([10, 10, 10]);
      for (const [i, file] of three.trainFiles.entries()) {
        expect(path.basename(path.dirname(file))).toBe(
          three.classNames[three.trainLabels[i] as number],
        );
      }
      subsets.add(three.classNames.join());
      expect(await draw({ nTrain: 30, nVal: 9, labels: 3, seed })).toEqual(three);
      const six = await draw({ nTrain: 60, nVal: 0, labels: 6, seed });
      expect(six.classNames).toEqual(expect.arrayContaining(three.classNames));
      // A class's files come in the same order whichever subset it is drawn in.
      const all = await draw({ nTrain: 100, nVal: 0, seed });
      for (const name of three.classNames) {
        const inThree = three.trainFiles.filter((f) => path.dirname(f).endsWith(`/${name}`));
        const inAll = all.trainFiles.filter((f) => path.dirname(f).endsWith(`/${name}`));
        expect(inThree).toEqual(inAll);
      }
    }
    expect(subsets.size).toBeGreaterThanOrEqual(4);
    expect((await draw({ nTrain: 10, nVal: 0, labels: 10, seed: 3 })).classNames).toEqual(names);
    for (const labels of [0, 11, 2.5]) {
      await expect(draw({ nTrain: 0, nVal: 0, labels, seed: 0 })).rejects.toThrow(
        `labels must be 'all' or an integer in [1, 10] (the folder's classes), got ${labels}`,
      );
    }
  });

  it('names the class val/ runs short of', async () => {
    const error = await rejection(draw({ nTrain: 10, nVal: 141, seed: 0 }));
    expect(error).toMatchObject({
      what: 'validation',
      requested: 141,
      capacity: 140,
      className: 'automobile',
      available: 14,
      needed: 15,
    });
    expect(error.message).toContain(
      `class automobile (${fixture.root}/val/automobile) holds 14 images, so at most 140`,
    );
  });

  it('names the classes train/ and val/ do not share, and a missing half', async () => {
    const root = await tree(path.join(dir, 'mismatch'), {
      'train/a/1.JPEG': true,
      'train/b/1.JPEG': true,
      'train/c/1.JPEG': true,
      'val/a/1.JPEG': true,
      'val/b/1.JPEG': true,
      'val/d/1.JPEG': true,
    });
    const error = await rejection(draw({ nTrain: 1, nVal: 1, seed: 0 }, root));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toBe(
      `${root}: train/ and val/ hold different classes (only in train/: c; only in val/: d)`,
    );
    const half = await tree(path.join(dir, 'half'), { 'train/a/1.JPEG': true });
    expect((await rejection(draw({ nTrain: 1, nVal: 0, seed: 0 }, half))).message).toBe(
      `${half}: has a train/ folder but no val/ folder; add val/, or give ${half}/train to draw ` +
        'both splits from it',
    );
  });

  it('rejects bad sizes and seeds before listing anything', async () => {
    const missing = path.join(dir, 'not-there');
    await expect(draw({ nTrain: -1, nVal: 0, seed: 0 }, missing)).rejects.toThrow(
      'nTrain must be a non-negative integer, got -1',
    );
    await expect(draw({ nTrain: 1, nVal: 0.5, seed: 0 }, missing)).rejects.toThrow(
      'nVal must be a non-negative integer, got 0.5',
    );
    await expect(draw({ nTrain: 1, nVal: 1, seed: -1 }, missing)).rejects.toThrow(RangeError);
  });
});
