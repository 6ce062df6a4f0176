/**
 * Regression targets: one-hot rows minus 1/C, so every row (and the prior mean) is zero.
 * Returned as n×C, row-major.
 *
 * @example centredTargets([1, 0], 2) // Float64Array [-0.5, 0.5, 0.5, -0.5]
 */
export function centredTargets(labels: ArrayLike<number>, numClasses: number): Float64Array {
  const y = new Float64Array(labels.length * numClasses).fill(-1 / numClasses);
  for (let i = 0; i < labels.length; i++) {
    const index = i * numClasses + (labels[i] as number);
    y[index] = (y[index] as number) + 1;
  }
  return y;
}
