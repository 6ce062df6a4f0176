import type { TrainingRecordRow } from '@nngp-nas/db';
import { GROUND_TRUTH_EPOCHS } from './constants.ts';

/** Means over the repeats of one epoch budget; null where no repeat has the value. */
export interface TrainingMeanModel {
  epochs: number;
  repeats: number;
  validationAccuracy: number | null;
  testAccuracy: number | null;
  trainAccuracy: number | null;
  trainingTime: number | null;
}

/**
 * Per-budget means of final values over the repeats of one architecture's training runs (nulls
 * skipped), budgets ascending: what an architecture page and the CSV export show. The 108-epoch
 * validation mean is the ground truth, the same number `loadGroundTruth` reads in SQL.
 *
 * @example trainingMeans(runs).find((m) => m.epochs === 108)?.validationAccuracy
 */
export function trainingMeans(runs: readonly TrainingRecordRow[]): TrainingMeanModel[] {
  const budgets = [...new Set(runs.map((r) => r.epochs))].sort((a, b) => a - b);
  return budgets.map((epochs) => {
    const group = runs.filter((r) => r.epochs === epochs);
    return {
      epochs,
      repeats: group.length,
      validationAccuracy: mean(group.map((r) => r.finalValidationAccuracy)),
      testAccuracy: mean(group.map((r) => r.finalTestAccuracy)),
      trainAccuracy: mean(group.map((r) => r.finalTrainAccuracy)),
      trainingTime: mean(group.map((r) => r.finalTrainingTime)),
    };
  });
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * The ground truth among `means`: the 108-epoch validation mean; null without those runs.
 *
 * @example groundTruthOf(trainingMeans(runs)) // 0.9376…
 */
export function groundTruthOf(means: readonly TrainingMeanModel[]): number | null {
  return means.find((m) => m.epochs === GROUND_TRUTH_EPOCHS)?.validationAccuracy ?? null;
}
