import { kendallTau } from './kendall.ts';
import { pearson } from './pearson.ts';
import { restrict, type Subset } from './subsets.ts';
import type { Series } from './validate.ts';

/**
 * How far NNGP accuracy follows model size (paper Fig. 6; low means NNGP is not just measuring
 * size): τ-b and r between the NNGP accuracies and the parameter counts, over `subset` when given.
 * Model size as a predictor in its own right is `evaluatePredictor(truth, parameters)`.
 *
 * @example modelSizeCorrelation(nngp, parameters) // { kendallTau: 0.21, pearson: 0.18 }
 */
export function modelSizeCorrelation(
  nngp: Series,
  trainableParameters: Series,
  subset?: Subset,
): { kendallTau: number | null; pearson: number | null } {
  const x = restrict(nngp, subset);
  const y = restrict(trainableParameters, subset);
  return { kendallTau: kendallTau(x, y), pearson: pearson(x, y) };
}
