import { CIFAR10_CHANNELS, CIFAR10_IMAGE_BYTES } from './format.ts';

/** Per-channel (R, G, B) pixel mean of the CIFAR-10 training set, as the paper uses it. */
export const CIFAR10_MEAN = [125.3, 123.0, 113.9] as const;
/** Per-channel (R, G, B) pixel standard deviation, as the paper uses it. */
export const CIFAR10_STD = [63.0, 62.1, 66.7] as const;

// A byte has 256 values per channel, so a 768-entry table replaces a subtract and a divide per
// pixel, and every image gets bit-identical values.
const TABLE = (() => {
  const table = new Float32Array(CIFAR10_CHANNELS * 256);
  for (let c = 0; c < CIFAR10_CHANNELS; c++) {
    const mean = CIFAR10_MEAN[c] as number;
    const std = CIFAR10_STD[c] as number;
    for (let v = 0; v < 256; v++) table[c * 256 + v] = (v - mean) / std;
  }
  return table;
})();

/**
 * The selected images, in the order of `indices`, standardised per channel:
 * (x - CIFAR10_MEAN[c]) / CIFAR10_STD[c], as NHWC float32 (indices.length × 32 × 32 × 3).
 *
 * @example
 * const { images } = await loadCifar10(files);
 * const x = standardise(images, [0, 5, 7]); // x.length === 3 * 3072; x[0] === (R - 125.3) / 63
 */
export function standardise(images: Uint8Array, indices: readonly number[]): Float32Array {
  if (images.length % CIFAR10_IMAGE_BYTES !== 0) {
    throw new RangeError(
      `images holds ${images.length} bytes, not a whole number of ${CIFAR10_IMAGE_BYTES}-byte images`,
    );
  }
  const count = images.length / CIFAR10_IMAGE_BYTES;
  const out = new Float32Array(indices.length * CIFAR10_IMAGE_BYTES);
  for (const [i, index] of indices.entries()) {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`indices[${i}] = ${index} is not an image index (0-${count - 1})`);
    }
    const from = index * CIFAR10_IMAGE_BYTES;
    const to = i * CIFAR10_IMAGE_BYTES;
    for (let k = 0; k < CIFAR10_IMAGE_BYTES; k += CIFAR10_CHANNELS) {
      out[to + k] = TABLE[images[from + k] as number] as number;
      out[to + k + 1] = TABLE[256 + (images[from + k + 1] as number)] as number;
      out[to + k + 2] = TABLE[512 + (images[from + k + 2] as number)] as number;
    }
  }
  return out;
}
