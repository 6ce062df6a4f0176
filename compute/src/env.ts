import { type EnvSource, readEnv, unsetIfEmpty } from '@nngp-nas/env';
import { z } from 'zod';

/** Thrown when a compute environment variable holds something unusable. */
export class ComputeEnvError extends Error {
  override name = 'ComputeEnvError';
}

const schema = z.object({
  /** 'js' selects the plain TypeScript linear-algebra kernels instead of WebAssembly (to time the two). */
  NNGP_MULTIPLY: z.preprocess(unsetIfEmpty, z.enum(['wasm', 'js']).default('wasm')),
  /** Threads per large float64 product (default: the cores, on the main thread). */
  NNGP_MULTIPLY_THREADS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).optional()),
  /**
   * ONNX Runtime threads per process (default: the cores). Several worker processes of one
   * thread each keep the cores busier on small (reduced-width) networks than one of many.
   */
  NNGP_ONNX_THREADS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).optional()),
});

export type ComputeEnv = z.infer<typeof schema>;

/**
 * The compute package's environment, read and validated in this one place.
 *
 * @example readComputeEnv().NNGP_MULTIPLY // 'wasm'
 */
export function readComputeEnv(source: EnvSource = process.env): ComputeEnv {
  return readEnv(schema, source, (message) => new ComputeEnvError(message));
}
