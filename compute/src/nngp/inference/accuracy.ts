/**
 * Fraction of rows whose highest score is at the true label. Scores for row v are
 * `scores[v * stride + offset + c]`, c = 0..numClasses−1. Ties go to the lowest class index
 * (only a strictly larger score moves the argmax), so an all-zero row predicts class 0.
 *
 * @example accuracy(new Float64Array([0.2, 0.1, 0, 0]), 2, 0, 2, [0, 1]) // 0.5
 */
export function accuracy(
  scores: Float64Array,
  stride: number,
  offset: number,
  numClasses: number,
  labels: ArrayLike<number>,
): number {
  let correct = 0;
  for (let v = 0; v < labels.length; v++) {
    const base = v * stride + offset;
    let best = 0;
    let bestScore = scores[base] as number;
    for (let c = 1; c < numClasses; c++) {
      const score = scores[base + c] as number;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best === labels[v]) correct++;
  }
  return correct / labels.length;
}
