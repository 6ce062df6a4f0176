/**
 * The standard ImageNet validation processing (torchvision's Resize(256) + CenterCrop(224) +
 * Normalize, scaled to any resolution), decoded with sharp (libvips).
 *
 * Conventions, and why:
 * - Decoding: EXIF orientation applied; grayscale, CMYK and ICC-tagged images converted to
 *   sRGB; alpha dropped (as PIL's convert('RGB') does); 16-bit PNGs reduced to 8 bits. sharp's
 *   failOn 'error' tolerates libjpeg's warnings (a few ImageNet files carry "extraneous bytes")
 *   but rejects truncated and undecodable files.
 * - Resize: the shortest edge to round(resolution·256/224) (256 at 224), the other edge
 *   torchvision's way, floor(short'·long/short). Filter: sharp's 'linear' kernel, because
 *   torchvision's default is PIL's antialiased bilinear. Measured on CIFAR-10 mosaics, it agrees
 *   with that filter to about 0.35 levels (mean absolute) for reductions under 3×, 1.5 levels at
 *   9× (libvips box-shrinks first). Enlarging (images whose short edge is under the target)
 *   libvips samples a grid offset by about a quarter source pixel from PIL's.
 * - Crop: centred, with Python's round (half to even), as torchvision's CenterCrop computes
 *   top = round((h − crop)/2): 58.5 rounds to 58, not 59.
 * - Standardise per channel with the 0-255 ImageNet statistics.
 * Decoding and resizing run as two sharp pipelines, so orientation, colour conversion and alpha
 * removal are done before resampling, in PIL's order, whatever order one libvips pipeline
 * would choose; the cost is one copy of the decoded image.
 *
 * @example
 * const x = await preprocessImage('val/n01440764/ILSVRC2012_val_00000293.JPEG', 224);
 * x.length; // 224 * 224 * 3, NHWC, standardised
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describeFsError } from '../batch-file.ts';
import { DatasetError } from '../errors.ts';

/** Per-channel (R, G, B) ImageNet training-set mean, 0-255 scale (torchvision's 0.485… × 255). */
export const IMAGENET_MEAN = [123.675, 116.28, 103.53] as const;
/** Per-channel (R, G, B) standard deviation, 0-255 scale (0.229, 0.224, 0.225 × 255). */
export const IMAGENET_STD = [58.395, 57.12, 57.375] as const;

/** The image an input names: a file path, or the encoded bytes themselves. */
export type ImageInput = string | Uint8Array;

/** Decoded pixels: height × width × 3 sRGB bytes, row-major, channels interleaved. */
export interface DecodedImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Where the validation processing resizes to and crops: a `size`×`size` window of the resize. */
export interface ValidationGeometry {
  /** Size after resizing the shortest edge. */
  width: number;
  height: number;
  /** The crop window's top-left corner in the resized image. */
  left: number;
  top: number;
  size: number;
}

/**
 * Decodes a JPEG or PNG (or any format sharp reads) to upright 8-bit sRGB with 3 channels.
 *
 * @example
 * const { data, width, height } = await decodeImage(jpegBytes); // data.length === width * height * 3
 */
export async function decodeImage(input: ImageInput): Promise<DecodedImage> {
  const [bytes, name] = await readInput(input);
  try {
    const { data, info } = await sharp(bytes, { autoOrient: true, failOn: 'error' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, not 3`);
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    return { data: pixels, width: info.width, height: info.height };
  } catch (error) {
    throw new DatasetError(
      { file: name, record: null },
      `cannot decode image: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * The resize and crop of the validation processing for an upright image of the given size.
 *
 * @example
 * validationGeometry(500, 375, 224) // { width: 341, height: 256, left: 58, top: 16, size: 224 }
 */
export function validationGeometry(
  width: number,
  height: number,
  resolution: number,
): ValidationGeometry {
  checkResolution(resolution);
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`image ${name} must be a positive integer, got ${value}`);
    }
  }
  const target = roundHalfEven((resolution * 256) / 224);
  // torchvision's _compute_resized_output_size, with the same float operations in the same order.
  const long = Math.floor((target * Math.max(width, height)) / Math.min(width, height));
  const [w, h] = width <= height ? [target, long] : [long, target];
  return {
    width: w,
    height: h,
    left: roundHalfEven((w - resolution) / 2),
    top: roundHalfEven((h - resolution) / 2),
    size: resolution,
  };
}

/**
 * The processed image before standardisation: resolution × resolution × 3 bytes, NHWC.
 *
 * @example
 * const pixels = await validationCrop('cat.JPEG', 64); // pixels.length === 64 * 64 * 3
 */
export async function validationCrop(input: ImageInput, resolution: number): Promise<Uint8Array> {
  checkResolution(resolution);
  const image = await decodeImage(input);
  const g = validationGeometry(image.width, image.height, resolution);
  const out = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize(g.width, g.height, { fit: 'fill', kernel: 'linear' })
    .extract({ left: g.left, top: g.top, width: g.size, height: g.size })
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * The standard validation processing: resolution × resolution × 3 float32 values, NHWC,
 * (x − IMAGENET_MEAN[c]) / IMAGENET_STD[c].
 *
 * @example
 * const x = await preprocessImage(await readFile('dog.png'), 224);
 */
export async function preprocessImage(
  input: ImageInput,
  resolution: number,
): Promise<Float32Array> {
  const pixels = await validationCrop(input, resolution);
  const out = new Float32Array(pixels.length);
  standardiseImagenet(pixels, out, 0);
  return out;
}

// As for CIFAR-10: a 768-entry table makes every image's values bit-identical and cheap.
const TABLE = (() => {
  const table = new Float32Array(3 * 256);
  for (let c = 0; c < 3; c++) {
    for (let v = 0; v < 256; v++) {
      table[c * 256 + v] = (v - (IMAGENET_MEAN[c] as number)) / (IMAGENET_STD[c] as number);
    }
  }
  return table;
})();

/**
 * Writes standardised values of interleaved RGB bytes into `out` from `offset` on.
 *
 * @example standardiseImagenet(pixels, images, i * pixels.length)
 */
export function standardiseImagenet(pixels: Uint8Array, out: Float32Array, offset: number): void {
  if (pixels.length % 3 !== 0 || offset < 0 || offset + pixels.length > out.length) {
    throw new RangeError(
      `cannot write ${pixels.length} values at ${offset} into an array of ${out.length}`,
    );
  }
  for (let k = 0; k < pixels.length; k += 3) {
    out[offset + k] = TABLE[pixels[k] as number] as number;
    out[offset + k + 1] = TABLE[256 + (pixels[k + 1] as number)] as number;
    out[offset + k + 2] = TABLE[512 + (pixels[k + 2] as number)] as number;
  }
}

/**
 * Python 3's round(): halves go to the even neighbour. torchvision's CenterCrop uses it, and
 * (h − crop)/2 is a half whenever h − crop is odd.
 *
 * @example roundHalfEven(58.5) // 58; roundHalfEven(4.5) // 4; roundHalfEven(5.5) // 6
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Rejects a resolution that is not a positive integer (shared with the loader, which checks first). */
export function checkResolution(resolution: number): void {
  if (!Number.isSafeInteger(resolution) || resolution < 1) {
    throw new RangeError(`resolution must be a positive integer, got ${resolution}`);
  }
}

async function readInput(input: ImageInput): Promise<[Uint8Array, string]> {
  if (typeof input !== 'string') return [input, '(image bytes)'];
  try {
    return [await readFile(input), input];
  } catch (error) {
    throw new DatasetError({ file: input, record: null }, describeFsError(error), { cause: error });
  }
}
