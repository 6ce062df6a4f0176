import { fromFloat16Bits, toFloat16Bits } from './float16.ts';

/** One initialisation's kernel blocks: K_tt (n_t × n_t, symmetric) and K_vt (n_v × n_t). */
export interface SeedKernel {
  nTrain: number;
  nVal: number;
  kTrainTrain: Float32Array;
  kValTrain: Float32Array;
}

export type KernelDtype = 'float32' | 'float16';

/** How a seed's kernel is stored: K's blocks, or the features Φ (K = ΦΦᵀ), whichever is smaller. */
export interface EncodedKernel {
  representation: 'kernel' | 'features';
  width: number | null;
  dtype: KernelDtype;
  data: Buffer;
}

/** Numbers needed per seed: K_tt's upper triangle plus K_vt, against Φ's (n_t + n_v)·d. */
export function storedNumbers(
  nTrain: number,
  nVal: number,
  width: number,
): { kernel: number; features: number } {
  return { kernel: (nTrain * (nTrain + 1)) / 2 + nVal * nTrain, features: (nTrain + nVal) * width };
}

/**
 * Encodes a seed's kernel in the smaller representation. `features` is Φ (train rows then val
 * rows, `width` columns).
 *
 * @example encodeSeedKernel(kernel, features, 512, 'float32').data.length // bytes stored
 */
export function encodeSeedKernel(
  kernel: SeedKernel,
  features: Float32Array,
  width: number,
  dtype: KernelDtype,
): EncodedKernel {
  const { nTrain, nVal } = kernel;
  const sizes = storedNumbers(nTrain, nVal, width);
  if (sizes.features < sizes.kernel) {
    return { representation: 'features', width, dtype, data: pack(features, dtype) };
  }
  const numbers = new Float32Array(sizes.kernel);
  let k = 0;
  for (let i = 0; i < nTrain; i++) {
    for (let j = i; j < nTrain; j++) numbers[k++] = kernel.kTrainTrain[i * nTrain + j] as number;
  }
  numbers.set(kernel.kValTrain, k);
  return { representation: 'kernel', width: null, dtype, data: pack(numbers, dtype) };
}

/** Inverse of {@link encodeSeedKernel}. */
export function decodeSeedKernel(encoded: EncodedKernel, nTrain: number, nVal: number): SeedKernel {
  const numbers = unpack(encoded.data, encoded.dtype);
  if (encoded.representation === 'features') {
    return kernelFromFeatures(numbers, nTrain, nVal, encoded.width ?? 0);
  }
  const expected = storedNumbers(nTrain, nVal, 0).kernel;
  if (numbers.length !== expected) {
    throw new RangeError(
      `stored kernel has ${numbers.length} numbers, expected ${expected} for ${nTrain}/${nVal}`,
    );
  }
  const kTrainTrain = new Float32Array(nTrain * nTrain);
  let k = 0;
  for (let i = 0; i < nTrain; i++) {
    for (let j = i; j < nTrain; j++) {
      const v = numbers[k++] as number;
      kTrainTrain[i * nTrain + j] = v;
      kTrainTrain[j * nTrain + i] = v;
    }
  }
  return { nTrain, nVal, kTrainTrain, kValTrain: numbers.slice(k) };
}

/** K_tt = Φ_t Φ_tᵀ and K_vt = Φ_v Φ_tᵀ from Φ (train rows then val rows). */
export function kernelFromFeatures(
  phi: Float32Array,
  nTrain: number,
  nVal: number,
  width: number,
): SeedKernel {
  const dot = (a: number, b: number) => {
    let s = 0;
    for (let c = 0; c < width; c++)
      s += (phi[a * width + c] as number) * (phi[b * width + c] as number);
    return s;
  };
  const kTrainTrain = new Float32Array(nTrain * nTrain);
  for (let i = 0; i < nTrain; i++) {
    for (let j = i; j < nTrain; j++) {
      const v = dot(i, j);
      kTrainTrain[i * nTrain + j] = v;
      kTrainTrain[j * nTrain + i] = v;
    }
  }
  const kValTrain = new Float32Array(nVal * nTrain);
  for (let v = 0; v < nVal; v++)
    for (let t = 0; t < nTrain; t++) kValTrain[v * nTrain + t] = dot(nTrain + v, t);
  return { nTrain, nVal, kTrainTrain, kValTrain };
}

function pack(numbers: Float32Array, dtype: KernelDtype): Buffer {
  if (dtype === 'float32')
    return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  const half = new Uint16Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) half[i] = toFloat16Bits(numbers[i] as number);
  return Buffer.from(half.buffer);
}

function unpack(data: Buffer, dtype: KernelDtype): Float32Array {
  if (dtype === 'float32') {
    const copy = new Uint8Array(data);
    return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
  }
  const half = new Uint16Array(new Uint8Array(data).buffer);
  return Float32Array.from(half, fromFloat16Bits);
}
