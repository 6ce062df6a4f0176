/**
 * Which kernel runs the O(n³) products: 'wasm' (WebAssembly SIMD, wasm/gemm.wat; ~2.5–3× the
 * plain kernel on one core) or 'js' (plain TypeScript, multiply-js.ts). Both compute each entry
 * of C as the same k-ordered sum, so results agree to rounding and are usually identical.
 */
export type MultiplyBackend = 'wasm' | 'js';

/** The environment can pick the plain kernel (NNGP_MULTIPLY=js), e.g. to time the two. */
let backend: MultiplyBackend =
  globalThis.process?.env?.NNGP_MULTIPLY === 'js' ? 'js' : 'wasm';

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
