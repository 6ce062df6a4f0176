import { readComputeEnv } from '../../env.ts';
/**
 * Which implementation runs this library's heavy loops. 'wasm' (default): the WebAssembly SIMD
 * kernels of wasm/kernels.wat (the products, with large ones split over threads, see
 * {@link setMultiplyThreads}; the panel reflections of the band reduction; band Cholesky and
 * solves), working in place on copies held in wasm memory. 'js': plain TypeScript throughout
 * (multiply-js.ts and friends), the reference. Results agree to rounding: the products sum each
 * entry in the same order, the short dot products of the band code in another.
 */
export type MultiplyBackend = 'wasm' | 'js';

/** The environment can pick the plain kernel (NNGP_MULTIPLY=js), e.g. to time the two. */
let backend: MultiplyBackend = readComputeEnv().NNGP_MULTIPLY;

/**
 * Selects the kernel for every later {@link multiplyTransposed} call and resident allocation
 * in this thread (module-level, so whole algorithms switch at once); returns the previous one.
 *
 * @example
 * const previous = setMultiplyBackend('js');
 * try { reduceToBand(k, n); } finally { setMultiplyBackend(previous); }
 */
export function setMultiplyBackend(next: MultiplyBackend): MultiplyBackend {
  const previous = backend;
  backend = next;
  return previous;
}

/**
 * The kernel currently selected.
 *
 * @example multiplyBackend() // 'wasm'
 */
export function multiplyBackend(): MultiplyBackend {
  return backend;
}
