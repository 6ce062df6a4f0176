import { multiplyTransposed } from '../linalg/multiply.ts';
import { accuracy } from './accuracy.ts';
import { bestOfGrid } from './best.ts';
import { InferenceInputError } from './input-error.ts';
import { REGULARIZER_GRID } from './regularizer-grid.ts';
import type { ShiftedSolves } from './shifted-solves.ts';
import { solveByCholesky } from './solve-by-cholesky.ts';
import { solveByReduction } from './solve-by-reduction.ts';
import { centredTargets } from './targets.ts';
import {
  checkKernel,
  checkLabels,
  checkNumClasses,
  checkRegularizers,
  checkSymmetric,
  describe,
} from './validate.ts';

/**
 * How the shifted systems are solved. 'banded' (default): one orthogonal reduction of K_tt to
 * band form serves the whole grid — measured 3.3× (n_t 1,000) and 4.5× (n_t 4,000) faster than
 * 'cholesky' over 20 values (compute/bench/inference.ts). 'cholesky': one dense Cholesky per grid value, the reference.
 */
export type InferenceMethod = 'cholesky' | 'banded';

export const INFERENCE_METHODS: readonly InferenceMethod[] = ['cholesky', 'banded'];
export const DEFAULT_INFERENCE_METHOD: InferenceMethod = 'banded';

export interface NngpInferenceInput {
  /** n_t×n_t row-major; symmetric (only the lower triangle enters the solves). */
  kTrainTrain: Float64Array;
  /** n_v×n_t row-major. */
  kValTrain: Float64Array;
  /** n_t labels; n_t is taken from here. */
  trainLabels: ArrayLike<number>;
  /** n_v labels; n_v is taken from here. */
  valLabels: ArrayLike<number>;
  numClasses?: number;
  /** ε values; default {@link REGULARIZER_GRID}. Results keep this order. */
  regularizers?: readonly number[];
  method?: InferenceMethod;
  /** Half-bandwidth of the 'banded' reduction (1 = tridiagonal). */
  bandwidth?: number;
}

export interface NngpInferenceResult {
  regularizers: number[];
  /** Validation accuracy per regularizer; null where K_tt + ε·tr(K_tt)/n_t·I failed to factor. */
  accuracies: (number | null)[];
  /** Best accuracy over the values that did not fail (ties: smallest ε); null if all failed. */
  bestAccuracy: number | null;
  bestRegularizer: number | null;
}

/**
 * NNGP validation accuracy over a regularizer grid. Targets are one-hot minus 1/C; for each ε,
 * solves (K_tt + ε·tr(K_tt)/n_t·I)·α = Y in float64, predicts argmax over classes of K_vt·α
 * (ties → lowest class index) and records the fraction of validation points predicted right.
 * A shift whose matrix is not positive definite records null and the grid goes on.
 *
 * @throws InferenceInputError for inconsistent shapes, labels out of range, non-finite or
 *   asymmetric kernels, bad regularizers or options.
 * @example
 * nngpInference({ kTrainTrain, kValTrain, trainLabels, valLabels })
 * // { regularizers: [1e-7, …, 100], accuracies: [0.31, …], bestAccuracy: 0.38, bestRegularizer: 0.0012 }
 */
export function nngpInference(input: NngpInferenceInput): NngpInferenceResult {
  const { kTrainTrain, kValTrain, trainLabels, valLabels } = input;
  const numClasses = input.numClasses ?? 10;
  const method = input.method ?? DEFAULT_INFERENCE_METHOD;
  checkNumClasses(numClasses);
  checkRegularizers(input.regularizers ?? REGULARIZER_GRID);
  const regularizers = [...(input.regularizers ?? REGULARIZER_GRID)];
  checkLabels('trainLabels', trainLabels, numClasses);
  checkLabels('valLabels', valLabels, numClasses);
  if (!INFERENCE_METHODS.includes(method))
    throw new InferenceInputError(
      'method',
      `is ${describe(method)}, expected one of ${INFERENCE_METHODS.join(', ')}`,
    );
  const { bandwidth } = input;
  if (bandwidth !== undefined && (!Number.isInteger(bandwidth) || bandwidth < 1))
    throw new InferenceInputError(
      'bandwidth',
      `is ${describe(bandwidth)}, expected an integer ≥ 1`,
    );
  const nt = trainLabels.length;
  const nv = valLabels.length;
  checkKernel('kTrainTrain', kTrainTrain, nt, nt, 'n_t×n_t');
  checkKernel('kValTrain', kValTrain, nv, nt, 'n_v×n_t');
  checkSymmetric('kTrainTrain', kTrainTrain, nt);

  let trace = 0;
  for (let i = 0; i < nt; i++) trace += kTrainTrain[i * nt + i] as number;
  // ε is relative to the mean eigenvalue tr(K)/n, so the grid means the same at any kernel scale.
  const shifts = regularizers.map((epsilon) => (epsilon * trace) / nt);
  const y = centredTargets(trainLabels, numClasses);
  const solves: ShiftedSolves =
    method === 'cholesky'
      ? solveByCholesky(kTrainTrain, nt, y, numClasses, shifts)
      : solveByReduction(kTrainTrain, nt, y, numClasses, shifts, bandwidth);

  // Scores for every shift in one product: scores[v, i·C + c] = (K_vt·α_i)[v, c].
  const width = shifts.length * numClasses;
  const scores = new Float64Array(nv * width);
  multiplyTransposed(
    1,
    { data: kValTrain, offset: 0, stride: nt },
    { data: solves.alphaT, offset: 0, stride: nt },
    { data: scores, offset: 0, stride: width },
    nv,
    width,
    nt,
  );
  const accuracies = solves.failedColumn.map((failed, i) =>
    failed === null ? accuracy(scores, width, i * numClasses, numClasses, valLabels) : null,
  );
  return { regularizers, accuracies, ...bestOfGrid(regularizers, accuracies) };
}
