import type { ArchitectureDetail } from '../api/types.ts';

/** A row of the training curve: one epoch budget with each repeat's accuracy and the mean. */
export type TrainingCurveRow = { epochs: number; mean: number | null } & Record<
  string,
  number | null
>;

/**
 * Final validation accuracy per epoch budget: one column per repeat (`repeat 0`, …) and the
 * mean over repeats, budgets in increasing order.
 *
 * @example toTrainingCurve(architecture).rows[0] // { epochs: 4, mean: 0.81, 'repeat 0': 0.80, … }
 */
export function toTrainingCurve(
  architecture: Pick<ArchitectureDetail, 'training' | 'trainingMeans'>,
): { rows: TrainingCurveRow[]; repeats: string[] } {
  const rows = new Map<number, TrainingCurveRow>();
  const row = (epochs: number) => {
    const existing = rows.get(epochs) ?? ({ epochs, mean: null } as TrainingCurveRow);
    rows.set(epochs, existing);
    return existing;
  };
  const repeats = new Set<number>();
  for (const run of architecture.training) {
    repeats.add(run.repeat);
    row(run.epochs)[`repeat ${run.repeat}`] = run.validationAccuracy;
  }
  for (const mean of architecture.trainingMeans) row(mean.epochs).mean = mean.validationAccuracy;
  return {
    rows: [...rows.values()].sort((a, b) => a.epochs - b.epochs),
    repeats: [...repeats].sort((a, b) => a - b).map((r) => `repeat ${r}`),
  };
}
