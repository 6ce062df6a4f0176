import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DatasetError,
  IMAGENET_MEAN,
  IMAGENET_STD,
  imageFolderSplits,
  loadImageFolderSplits,
  preprocessImage,
} from '../../src/datasets/index.ts';
import { rejection, tempDir } from './helpers.ts';
import {
  cifarImage,
  GRAY_IMAGE,
  type ImageFolderFixture,
  PNG_IMAGE,
  ROTATED_IMAGE,
  writeImageFolder,
} from './image-folder-fixture.ts';

let dir = '';
let fixture: ImageFolderFixture;

beforeAll(async () => {
  dir = await tempDir();
  fixture = await writeImageFolder(dir);
});

const bytesOf = (x: Float32Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

describe('loadImageFolderSplits', () => {
  it('decodes the drawn files, training first, each as preprocessImage does', async () => {
    const options = { nTrain: 40, nVal: 20, labels: 4, seed: 5, resolution: 32 };
    const progress: [number, number][] = [];
    const data = await loadImageFolderSplits(fixture.root, {
      ...options,
      concurrency: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const splits = await imageFolderSplits(fixture.root, options);
    expect(data).toMatchObject({ nTrain: 40, nVal: 20, resolution: 32, layout: 'train-val' });
    expect(data.classNames).toEqual(splits.classNames);
    expect(data.files).toEqual([...splits.trainFiles, ...splits.valFiles]);
    expect(data.trainLabels).toEqual(splits.trainLabels);
    expect(data.valLabels).toEqual(splits.valLabels);
    expect(data.valLabels).toBeInstanceOf(Uint16Array);
    const size = 32 * 32 * 3;
    expect(data.images).toHaveLength(60 * size);
    for (const [i, file] of data.files.entries()) {
      const expected = bytesOf(await preprocessImage(file, 32));
      const actual = bytesOf(data.images.subarray(i * size, (i + 1) * size));
      expect(Buffer.compare(actual, expected), file).toBe(0);
    }
    expect(progress).toEqual(Array.from({ length: 60 }, (_, i) => [i + 1, 60]));
    // One image at a time gives the same array.
    const serial = await loadImageFolderSplits(fixture.root, { ...options, concurrency: 1 });
    expect(Buffer.compare(bytesOf(serial.images), bytesOf(data.images))).toBe(0);
  });

  it('loads PNG, grayscale and EXIF-rotated photos upright at the default 224', async () => {
    const root = path.join(dir, 'mixed-formats');
    const sources = [0, PNG_IMAGE, GRAY_IMAGE, ROTATED_IMAGE];
    for (const [k, i] of sources.entries()) {
      const file = fixture.trainFile(i);
      const target = path.join(root, `class-${k % 2}`, `${k}${path.extname(file)}`);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(file, target);
    }
    // Each class holds two files: one for training, one for validation.
    const data = await loadImageFolderSplits(root, { nTrain: 2, nVal: 2, seed: 0 });
    expect(data).toMatchObject({
      resolution: 224,
      layout: 'single',
      classNames: ['class-0', 'class-1'],
    });
    expect(data.images).toHaveLength(4 * 224 * 224 * 3);
    expect([...data.files].sort()).toEqual(
      ['class-0/0.JPEG', 'class-0/2.JPEG', 'class-1/1.png', 'class-1/3.JPEG'].map((f) =>
        path.join(root, f),
      ),
    );
    const levels = (x: Float32Array, k: number) =>
      (x[k] as number) * (IMAGENET_STD[k % 3] as number) + (IMAGENET_MEAN[k % 3] as number);
    for (const [i, file] of data.files.entries()) {
      const image = data.images.subarray(i * 224 * 224 * 3, (i + 1) * 224 * 224 * 3);
      expect(Buffer.compare(bytesOf(image), bytesOf(await preprocessImage(file, 224)))).toBe(0);
      // The grayscale photo stays gray through resizing: equal channels, un-standardised.
      if (file.endsWith('/2.JPEG')) {
        for (let k = 0; k < image.length; k += 3) {
          const [r, g, b] = [levels(image, k), levels(image, k + 1), levels(image, k + 2)];
          if (Math.abs(r - g) > 1e-3 || Math.abs(r - b) > 1e-3) expect.fail(`pixel ${k / 3}`);
        }
      }
      // The rotated photo comes out as the upright original would.
      if (file.endsWith('/3.JPEG')) {
        const upright = await cifarImage(fixture.train, ROTATED_IMAGE).png().toBuffer();
        const expected = await preprocessImage(upright, 224);
        let error = 0;
        for (let k = 0; k < image.length; k++)
          error += Math.abs(levels(image, k) - levels(expected, k));
        expect(error / image.length).toBeLessThan(3);
      }
    }
  });

  it('rejects the whole load when one drawn file is corrupt, naming it', async () => {
    const root = path.join(dir, 'broken');
    for (const [name, source] of [
      ['a/1.JPEG', 1],
      ['a/2.JPEG', 2],
      ['a/3.JPEG', 4],
      ['b/1.JPEG', 6],
      ['b/2.JPEG', 8],
    ] as const) {
      await mkdir(path.join(root, path.dirname(name)), { recursive: true });
      await copyFile(fixture.trainFile(source), path.join(root, name));
    }
    const bad = path.join(root, 'b', '3.JPEG');
    const good = await readFile(fixture.trainFile(9));
    await writeFile(bad, good.subarray(0, good.length - 400));
    for (const concurrency of [1, 4]) {
      let calls = 0;
      const error = await rejection(
        loadImageFolderSplits(root, {
          nTrain: 4,
          nVal: 2,
          seed: 0,
          resolution: 16,
          concurrency,
          onProgress: () => calls++,
        }),
      );
      expect(error).toBeInstanceOf(DatasetError);
      expect(error).toMatchObject({ file: bad });
      // libvips keeps its error text per thread: with decodes running side by side the reason
      // can come back as "Unknown error" (about one run in six here), so the exact wording is
      // checked where the decodes run one at a time.
      expect(error.message).toMatch(
        concurrency === 1
          ? new RegExp(`^${bad}: cannot decode image: .*premature end of JPEG`)
          : new RegExp(`^${bad}: cannot decode image: .+`),
      );
      expect(calls).toBeLessThan(6);
    }
  });

  it('checks resolution and concurrency before reading anything', async () => {
    const missing = path.join(dir, 'not-there');
    await expect(
      loadImageFolderSplits(missing, { nTrain: 1, nVal: 1, seed: 0, resolution: 0 }),
    ).rejects.toThrow('resolution must be a positive integer, got 0');
    await expect(
      loadImageFolderSplits(missing, { nTrain: 1, nVal: 1, seed: 0, concurrency: 0 }),
    ).rejects.toThrow('concurrency must be a positive integer, got 0');
  });
});
