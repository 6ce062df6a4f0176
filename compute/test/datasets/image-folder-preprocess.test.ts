import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Cifar10Data,
  DatasetError,
  decodeImage,
  IMAGENET_MEAN,
  IMAGENET_STD,
  preprocessImage,
  validationCrop,
  validationGeometry,
} from '../../src/datasets/index.ts';
import { rejection, sameBytes, tempDir } from './helpers.ts';
import {
  cifarImage,
  GRAY_IMAGE,
  type ImageFolderFixture,
  jpeg,
  PNG_IMAGE,
  ROTATED_IMAGE,
  TRAIN_IMAGES,
  writeImageFolder,
} from './image-folder-fixture.ts';

let dir = '';
let fixture: ImageFolderFixture;

beforeAll(async () => {
  dir = await tempDir();
  fixture = await writeImageFolder(dir);
});

/** A cols × rows mosaic of consecutive CIFAR training images: a non-square real photo. */
function mosaic(data: Cifar10Data, cols: number, rows: number): RgbImage {
  const width = 32 * cols;
  const out = new Uint8Array(width * 32 * rows * 3);
  for (let k = 0; k < cols * rows; k++) {
    const [ox, oy] = [(k % cols) * 32, Math.floor(k / cols) * 32];
    for (let y = 0; y < 32; y++) {
      const from = (k * 1024 + y * 32) * 3;
      out.set(data.images.subarray(from, from + 96), ((oy + y) * width + ox) * 3);
    }
  }
  return { data: out, width, height: 32 * rows };
}

interface RgbImage {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

const pngOf = (image: RgbImage) =>
  sharp(Uint8Array.from(image.data), {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .png()
    .toBuffer();

/**
 * An independent reference for the filter: PIL's antialiased bilinear resampling (torchvision's
 * default), separable, in float. Output pixel o covers source (o + 0.5)·scale with a triangle
 * of half-width max(scale, 1), weights renormalised at the borders.
 */
function bilinear(image: RgbImage, width: number, height: number): RgbImage {
  const pass = (src: RgbImage, outW: number, outH: number, horizontal: boolean): RgbImage => {
    const [inN, outN] = horizontal ? [src.width, outW] : [src.height, outH];
    const scale = inN / outN;
    const support = Math.max(scale, 1);
    const data = new Float64Array(outW * outH * 3);
    for (let o = 0; o < outN; o++) {
      const centre = (o + 0.5) * scale;
      const first = Math.max(0, Math.floor(centre - support));
      const last = Math.min(inN, Math.ceil(centre + support));
      const weights: number[] = [];
      for (let j = first; j < last; j++) {
        weights.push(Math.max(0, 1 - Math.abs((j + 0.5 - centre) / support)));
      }
      const total = weights.reduce((a, b) => a + b, 0);
      for (let q = 0; q < (horizontal ? outH : outW); q++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let j = first; j < last; j++) {
            const at = horizontal ? (q * src.width + j) * 3 + c : (j * src.width + q) * 3 + c;
            sum += ((weights[j - first] as number) / total) * (src.data[at] as number);
          }
          data[horizontal ? (q * outW + o) * 3 + c : (o * outW + q) * 3 + c] = sum;
        }
      }
    }
    return { data, width: outW, height: outH };
  };
  return pass(pass(image, width, image.height, true), width, height, false);
}

function window(image: RgbImage, left: number, top: number, size: number): number[] {
  const out: number[] = [];
  for (let y = top; y < top + size; y++) {
    for (let x = left; x < left + size; x++) {
      for (let c = 0; c < 3; c++) out.push(image.data[(y * image.width + x) * 3 + c] as number);
    }
  }
  return out;
}

function meanAbsoluteError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
}

const cifarPixels = (data: Cifar10Data, i: number) =>
  data.images.subarray(i * 3072, (i + 1) * 3072);

describe('decoding real photographs', () => {
  it('round-trips CIFAR-10 photos through JPEG within 3 levels, and PNG exactly', async () => {
    let swapped = 0;
    for (let i = 0; i < TRAIN_IMAGES; i++) {
      if (i === GRAY_IMAGE) continue;
      const image = await decodeImage(fixture.trainFile(i));
      expect([image.width, image.height]).toEqual([32, 32]);
      const original = cifarPixels(fixture.train, i);
      if (i === PNG_IMAGE) expect(sameBytes(image.data, original)).toBe(true);
      expect(meanAbsoluteError(image.data, original), `image ${i}`).toBeLessThan(3);
      // Channel order matters: read as BGR the same pixels are far off.
      const bgr = Uint8Array.from(
        original,
        (_, k) => original[k - (k % 3) + 2 - (k % 3)] as number,
      );
      swapped += meanAbsoluteError(image.data, bgr) / TRAIN_IMAGES;
    }
    expect(swapped).toBeGreaterThan(10);
  });

  it('applies the EXIF orientation, swapping the sides of a non-square photo', async () => {
    const pair = mosaic(fixture.train, 2, 1); // 64 wide, 32 high
    const file = path.join(dir, 'pair-rotated.JPEG');
    const stored = sharp(await pngOf(pair)).rotate(270);
    await writeFile(file, await jpeg(stored.withMetadata({ orientation: 6 })));
    const metadata = await sharp(file).metadata();
    expect([metadata.orientation, metadata.width, metadata.height]).toEqual([6, 32, 64]);
    const image = await decodeImage(file);
    expect([image.width, image.height]).toEqual([64, 32]);
    expect(meanAbsoluteError(image.data, pair.data)).toBeLessThan(3);
    // The fixture's rotated training image comes back upright too (checked above with the rest);
    // its stored pixels are a different picture.
    const raw = await sharp(fixture.trainFile(ROTATED_IMAGE)).raw().toBuffer();
    expect(meanAbsoluteError(raw, cifarPixels(fixture.train, ROTATED_IMAGE))).toBeGreaterThan(20);
  });

  it('expands a grayscale JPEG to three equal channels of the photo’s luma', async () => {
    const original = cifarPixels(fixture.train, GRAY_IMAGE);
    const image = await decodeImage(fixture.trainFile(GRAY_IMAGE));
    expect(image.data).toHaveLength(3072);
    const luma: number[] = [];
    for (let p = 0; p < 1024; p++) {
      const [r, g, b] = [image.data[3 * p], image.data[3 * p + 1], image.data[3 * p + 2]];
      expect(r === g && g === b, `pixel ${p}`).toBe(true);
      const [R, G, B] = [original[3 * p], original[3 * p + 1], original[3 * p + 2]] as number[];
      luma.push(0.299 * (R as number) + 0.587 * (G as number) + 0.114 * (B as number));
    }
    const gray = image.data.filter((_, k) => k % 3 === 0);
    expect(meanAbsoluteError(gray, luma)).toBeLessThan(6);
  });

  it('converts CMYK to sRGB and drops alpha without compositing', async () => {
    const cmyk = await jpeg(cifarImage(fixture.train, 0).toColourspace('cmyk'));
    expect((await sharp(cmyk).metadata()).channels).toBe(4);
    const fromCmyk = await decodeImage(cmyk);
    expect(meanAbsoluteError(fromCmyk.data, cifarPixels(fixture.train, 0))).toBeLessThan(10);
    const rgba = await cifarImage(fixture.train, 1).ensureAlpha(0.25).png().toBuffer();
    const fromRgba = await decodeImage(rgba);
    expect(sameBytes(fromRgba.data, cifarPixels(fixture.train, 1))).toBe(true);
  });
});

describe('validation geometry', () => {
  it('resizes the shortest edge to round(r·256/224) and centres the crop with Python’s round', () => {
    // ImageNet's common 500×375: 256 × floor(256·500/375 = 341.33); (341 − 224)/2 = 58.5 → 58.
    expect(validationGeometry(500, 375, 224)).toEqual({
      width: 341,
      height: 256,
      left: 58,
      top: 16,
      size: 224,
    });
    expect(validationGeometry(375, 500, 224)).toMatchObject({ width: 256, height: 341, top: 58 });
    // 64×32 at 64: short edge round(73.14) = 73, long 146; (73 − 64)/2 = 4.5 → 4.
    expect(validationGeometry(64, 32, 64)).toEqual({
      width: 146,
      height: 73,
      left: 41,
      top: 4,
      size: 64,
    });
    // 160×96 at 64: long floor(73·160/96 = 121.67) = 121; (121 − 64)/2 = 28.5 → 28.
    expect(validationGeometry(160, 96, 64)).toMatchObject({ width: 121, left: 28, top: 4 });
    // At 28 the short edge stays 32 (round(32) exactly); at 32 it becomes round(36.57) = 37, and
    // (37 − 32)/2 = 2.5 → 2, (43 − 32)/2 = 5.5 → 6 (halves go to the even side both ways).
    expect(validationGeometry(32, 32, 28)).toMatchObject({ width: 32, left: 2, top: 2 });
    expect(validationGeometry(32, 32, 32)).toMatchObject({ width: 37, height: 37, left: 2 });
    expect(validationGeometry(38, 32, 32)).toMatchObject({ width: 43, height: 37, left: 6 });
    expect(() => validationGeometry(0, 10, 224)).toThrow('image width must be a positive integer');
    expect(() => validationGeometry(10, 10, 22.5)).toThrow('resolution must be a positive integer');
  });

  it('only crops when the short edge is already the target: 28 from a 32×32 photo', async () => {
    for (const i of [0, 1, 2, PNG_IMAGE]) {
      const file = fixture.trainFile(i);
      const decoded = await decodeImage(file);
      const crop = await validationCrop(file, 28);
      const image = { data: decoded.data, width: 32, height: 32 };
      expect(crop).toEqual(Uint8Array.from(window(image, 2, 2, 28)));
      expect(crop).not.toEqual(Uint8Array.from(window(image, 3, 3, 28)));
      const original = { data: cifarPixels(fixture.train, i), width: 32, height: 32 };
      expect(meanAbsoluteError(crop, window(original, 2, 2, 28))).toBeLessThan(3);
    }
  });

  it.each([
    // cols, rows, resolution, resized width and height, crop left and top (worked out above)
    [5, 3, 64, 121, 73, 28, 4],
    [16, 12, 224, 341, 256, 58, 16],
    [4, 2, 28, 64, 32, 18, 2],
  ])(
    'reduces a %i×%i mosaic for %i like PIL’s bilinear filter, on the expected window',
    async (cols, rows, resolution, width, height, left, top) => {
      const photo = mosaic(fixture.train, cols, rows);
      const crop = await validationCrop(await pngOf(photo), resolution);
      const reference = bilinear(photo, width, height);
      expect(meanAbsoluteError(crop, window(reference, left, top, resolution))).toBeLessThan(0.6);
      // One pixel off either way (Math.round would give 59 and 29) is clearly worse.
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
        [-1, 0],
      ] as const) {
        const shifted = window(reference, left + dx, top + dy, resolution);
        expect(meanAbsoluteError(crop, shifted)).toBeGreaterThan(3);
      }
    },
  );

  it('enlarges a 64×32 pair to 146×73 and crops 64×64 at (41, 4)', async () => {
    const png = await pngOf(mosaic(fixture.train, 2, 1));
    const crop = await validationCrop(png, 64);
    const resized = sharp(png).resize(146, 73, { fit: 'fill', kernel: 'linear' });
    const at = (left: number, top: number) =>
      resized.clone().extract({ left, top, width: 64, height: 64 }).raw().toBuffer();
    expect(sameBytes(crop, await at(41, 4))).toBe(true);
    expect(sameBytes(crop, await at(42, 5))).toBe(false);
  });
});

describe('standardisation', () => {
  it('uses the 0-255 ImageNet statistics', () => {
    expect(IMAGENET_MEAN).toEqual([123.675, 116.28, 103.53]);
    expect(IMAGENET_STD).toEqual([58.395, 57.12, 57.375]);
  });

  it('gives back the cropped 0-255 pixels when un-standardised', async () => {
    const file = fixture.trainFile(11);
    const x = await preprocessImage(file, 48);
    const pixels = await validationCrop(file, 48);
    expect(x).toBeInstanceOf(Float32Array);
    expect(x).toHaveLength(48 * 48 * 3);
    for (let k = 0; k < x.length; k++) {
      const c = k % 3;
      const back = (x[k] as number) * (IMAGENET_STD[c] as number) + (IMAGENET_MEAN[c] as number);
      if (Math.abs(back - (pixels[k] as number)) > 1e-3) {
        expect.fail(`value ${k}: ${back} is not ${pixels[k]}`);
      }
    }
    // Hand-computed for the first pixel's red value.
    expect(x[0]).toBeCloseTo(((pixels[0] as number) - 123.675) / 58.395, 6);
    // Bytes and a path give the same values.
    expect(await preprocessImage(await readFile(file), 48)).toEqual(x);
  });
});

describe('files that are not images', () => {
  it('names a truncated JPEG, a text file and a missing file, with the reason', async () => {
    const truncated = path.join(dir, 'truncated.JPEG');
    const bytes = await readFile(fixture.trainFile(0));
    await writeFile(truncated, bytes.subarray(0, bytes.length - 300));
    const text = path.join(dir, 'notes.JPEG');
    await writeFile(text, 'not a photograph\n');
    const missing = path.join(dir, 'missing.JPEG');
    for (const [file, reason] of [
      [truncated, /^cannot decode image: .*premature end of JPEG/],
      [text, /^cannot decode image: .*unsupported image format/],
      [missing, /^file not found$/],
    ] as const) {
      const error = await rejection(preprocessImage(file, 32));
      expect(error).toBeInstanceOf(DatasetError);
      expect(error).toMatchObject({ file, record: null });
      expect((error as DatasetError).problem).toMatch(reason);
      expect(error.message.startsWith(`${file}: `)).toBe(true);
    }
    const fromBytes = await rejection(decodeImage(Buffer.from('not a photograph')));
    expect(fromBytes).toMatchObject({ file: '(image bytes)' });
    await expect(preprocessImage(fixture.trainFile(0), 0)).rejects.toThrow(RangeError);
  });
});
