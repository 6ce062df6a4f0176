export { bandCholesky, bandCholeskySolve } from './band-cholesky.ts';
export {
  applyReduction,
  type BandReduction,
  DEFAULT_BANDWIDTH,
  reduceToBand,
} from './band-reduction.ts';
export { applyBlockReflector, type BlockReflector, triangularFactor } from './block-reflector.ts';
export { CHOLESKY_BLOCK, cholesky, choleskyInPlace } from './cholesky.ts';
export { CholeskyError } from './cholesky-error.ts';
export { choleskySolve } from './cholesky-solve.ts';
export { dot } from './dot.ts';
export { householder } from './householder.ts';
export { multiplyTransposed } from './multiply.ts';
export { type MultiplyBackend, multiplyBackend, setMultiplyBackend } from './multiply-backend.ts';
export { multiplyTransposedJs } from './multiply-js.ts';
export { multiplyThreads, setMultiplyThreads } from './multiply-threads.ts';
export { multiplyTransposedWasm } from './multiply-wasm.ts';
export type { Strided } from './strided.ts';
export { mirrorLower } from './symmetric.ts';
export { transpose } from './transpose.ts';
export { allocateResident, releaseResident, residentAddress } from './wasm-heap.ts';
