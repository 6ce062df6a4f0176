export { accuracy } from './accuracy.ts';
export { bestOfGrid } from './best.ts';
export { inferenceFromJson } from './from-json.ts';
export { InferenceInputError } from './input-error.ts';
export {
  DEFAULT_INFERENCE_METHOD,
  INFERENCE_METHODS,
  type InferenceMethod,
  type NngpInferenceInput,
  type NngpInferenceResult,
  nngpInference,
} from './nngp-inference.ts';
export { REGULARIZER_GRID } from './regularizer-grid.ts';
export type { ShiftedSolves } from './shifted-solves.ts';
export { solveByCholesky } from './solve-by-cholesky.ts';
export { solveByReduction } from './solve-by-reduction.ts';
export { centredTargets } from './targets.ts';
export { SYMMETRY_TOLERANCE } from './validate.ts';
