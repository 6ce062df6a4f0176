/**
 * Loading the drawn splits of an ImageNet-format folder: only the drawn files are decoded, a
 * bounded number at a time, into one standardised NHWC float32 array.
 *
 * @example
 * const data = await loadImageFolderSplits('imagenet', {
 *   nTrain: 1000, nVal: 1000, labels: 100, seed: 0, resolution: 64,
 *   onProgress: (done, total) => bar.update(done, { total }),
 * });
 * data.images.length; // 2000 * 64 * 64 * 3: the training images, then the validation images
 */
import { availableParallelism } from 'node:os';
import { checkResolution, standardiseImagenet, validationCrop } from './preprocess.ts';
import { type ImageFolderSplitOptions, imageFolderSplits } from './splits.ts';

export interface ImageFolderLoadOptions extends ImageFolderSplitOptions {
  /** Side of the square crop; default 224. */
  resolution?: number;
  /** Images decoded at once; default the machine's available parallelism. */
  concurrency?: number;
  /** Called after each decoded image. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImageFolderData {
  /** (nTrain + nVal) × resolution × resolution × 3, training images first, standardised. */
  images: Float32Array;
  nTrain: number;
  nVal: number;
  trainLabels: Uint16Array;
  valLabels: Uint16Array;
  /** The drawn classes' folder names; label l is classNames[l]. */
  classNames: string[];
  /** The image files in the order of `images`. */
  files: string[];
  resolution: number;
  layout: 'train-val' | 'single';
}

/**
 * Draws the splits (`imageFolderSplits`) and applies the validation processing
 * (`preprocessImage`) to every drawn image. A file that cannot be read or decoded rejects the
 * whole load with a DatasetError naming it; no partial result is returned.
 *
 * @example
 * const { images, trainLabels } = await loadImageFolderSplits('imagenet/train', { nTrain: 100, nVal: 100, seed: 1 });
 */
export async function loadImageFolderSplits(
  root: string,
  options: ImageFolderLoadOptions,
): Promise<ImageFolderData> {
  const resolution = options.resolution ?? 224;
  const concurrency = options.concurrency ?? availableParallelism();
  checkResolution(resolution);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const splits = await imageFolderSplits(root, options);
  const files = [...splits.trainFiles, ...splits.valFiles];
  const values = resolution * resolution * 3;
  // Allocated before any decoding, so a load too large for memory fails at once.
  const images = new Float32Array(files.length * values);
  let done = 0;
  await forEachBounded(files.length, concurrency, async (i) => {
    const pixels = await validationCrop(files[i] as string, resolution);
    standardiseImagenet(pixels, images, i * values);
    done += 1;
    options.onProgress?.(done, files.length);
  });
  return {
    images,
    nTrain: splits.trainFiles.length,
    nVal: splits.valFiles.length,
    trainLabels: splits.trainLabels,
    valLabels: splits.valLabels,
    classNames: splits.classNames,
    files,
    resolution,
    layout: splits.layout,
  };
}

/**
 * Runs task(0..count−1) with at most `limit` in flight. After the first failure no new task
 * starts; the ones running are awaited (so nothing writes after the caller sees the error) and
 * the first error is thrown.
 */
async function forEachBounded(
  count: number,
  limit: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < count) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
