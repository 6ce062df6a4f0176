import { describe, expect, it } from 'vitest';
import { CIFAR10_MEAN, CIFAR10_STD, loadCifar10, standardise } from '../../src/datasets/index.ts';
import { nhwc, TRAIN_FILE } from './helpers.ts';

/** Two synthetic images: image 0 all 125, image 1 all 7 except pixel (0, 0) = (255, 0, 114). */
function synthetic(): Uint8Array {
  const images = new Uint8Array(2 * 3072);
  images.fill(125, 0, 3072);
  images.fill(7, 3072);
  images.set([255, 0, 114], nhwc(1, 0, 0, 0));
  return images;
}

describe('standardise', () => {
  it('uses the paper’s constants', () => {
    expect(CIFAR10_MEAN).toEqual([125.3, 123.0, 113.9]);
    expect(CIFAR10_STD).toEqual([63.0, 62.1, 66.7]);
  });

  it('maps a pixel to (x - mean_c) / std_c per channel (hand-computed)', () => {
    const x = standardise(synthetic(), [1]);
    // (255 - 125.3) / 63 = 129.7 / 63; (0 - 123) / 62.1; (114 - 113.9) / 66.7 = 0.1 / 66.7
    expect(x[0]).toBeCloseTo(2.0587301587, 6);
    expect(x[1]).toBeCloseTo(-1.9806763285, 6);
    expect(x[2]).toBeCloseTo(0.0014992504, 6);
    // The next pixel is 7 in every channel.
    expect(x[3]).toBeCloseTo((7 - 125.3) / 63, 6);
    expect(x[4]).toBeCloseTo((7 - 123) / 62.1, 6);
    expect(x[5]).toBeCloseTo((7 - 113.9) / 66.7, 6);
  });

  it('returns the selected images in the order asked, repeats included', () => {
    const images = synthetic();
    const x = standardise(images, [1, 0, 1]);
    expect(x).toBeInstanceOf(Float32Array);
    expect(x).toHaveLength(3 * 3072);
    const one = standardise(images, [1]);
    const zero = standardise(images, [0]);
    expect(x.subarray(0, 3072)).toEqual(one);
    expect(x.subarray(3072, 6144)).toEqual(zero);
    expect(x.subarray(6144)).toEqual(one);
    expect(zero[nhwc(0, 31, 31, 0)]).toBeCloseTo((125 - 125.3) / 63, 6);
    expect(standardise(images, [])).toHaveLength(0);
  });

  it('standardises a real image: the frog’s top-left pixel (59, 62, 63)', async () => {
    const { images } = await loadCifar10([TRAIN_FILE], { limit: 2 });
    const x = standardise(images, [0]);
    expect(x[0]).toBeCloseTo(-1.0523809524, 6); // (59 - 125.3) / 63
    expect(x[1]).toBeCloseTo(-0.9822866345, 6); // (62 - 123) / 62.1
    expect(x[2]).toBeCloseTo(-0.7631184408, 6); // (63 - 113.9) / 66.7
  });

  it('rejects indices outside the images and a partial image', () => {
    const images = synthetic();
    expect(() => standardise(images, [0, 2])).toThrow('indices[1] = 2 is not an image index (0-1)');
    expect(() => standardise(images, [-1])).toThrow('indices[0] = -1 is not an image index (0-1)');
    expect(() => standardise(images, [0.5])).toThrow(RangeError);
    expect(() => standardise(new Uint8Array(3073), [0])).toThrow(
      'images holds 3073 bytes, not a whole number of 3072-byte images',
    );
  });
});
