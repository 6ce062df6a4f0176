import type { TrainingRunResolvers } from '../generated/resolvers-types.ts';

/** A training record row, exposing the values at the end of its budget. */
export const TrainingRun: TrainingRunResolvers = {
  validationAccuracy: (row) => row.finalValidationAccuracy,
  testAccuracy: (row) => row.finalTestAccuracy,
  trainAccuracy: (row) => row.finalTrainAccuracy,
  trainingTime: (row) => row.finalTrainingTime,
};
