/**
 * The best grid value: highest accuracy among the values that did not fail; ties go to the
 * smallest regularizer (the least smoothing that reaches that accuracy). Both fields are null
 * when every value failed.
 *
 * @example bestOfGrid([1e-3, 1e-2, 1e-1], [0.5, 0.7, 0.7]) // { bestAccuracy: 0.7, bestRegularizer: 1e-2 }
 */
export function bestOfGrid(
  regularizers: readonly number[],
  accuracies: readonly (number | null)[],
): { bestAccuracy: number | null; bestRegularizer: number | null } {
  let bestAccuracy: number | null = null;
  let bestRegularizer: number | null = null;
  for (let k = 0; k < regularizers.length; k++) {
    const a = accuracies[k];
    const epsilon = regularizers[k] as number;
    if (a === null || a === undefined) continue;
    if (
      bestAccuracy === null ||
      a > bestAccuracy ||
      (a === bestAccuracy && epsilon < (bestRegularizer as number))
    ) {
      bestAccuracy = a;
      bestRegularizer = epsilon;
    }
  }
  return { bestAccuracy, bestRegularizer };
}
