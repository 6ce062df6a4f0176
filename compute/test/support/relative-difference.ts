/**
 * Largest |difference| over the largest |value| of the whole array: features of some images are
 * exactly 0 (a ReLU before pooling), so per-element ratios would be meaningless.
 *
 * @example relativeDifference(tfjsFeatures, onnxFeatures) < 1e-4
 */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(b[i] as number));
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return diff / scale;
}
