import * as tf from '@tensorflow/tfjs-core';
import type { NetworkGraph, ParameterSpec } from '../graph.ts';

/** Parameter tensors by name. */
export type Parameters = Map<string, tf.Tensor>;

// TensorFlow's VarianceScaling(truncated_normal) divides by the std of a unit normal truncated to ±2.
const TRUNCATED_NORMAL_STD = 0.87962566103423978;

/**
 * Fresh parameters for `graph`, reproducible from `seed` (each tensor gets its own derived seed,
 * and tfjs draws random numbers in JavaScript, so every backend gets the same values).
 *
 * @example const params = initialiseParameters(graph, 42); // dispose with disposeParameters
 */
export function initialiseParameters(graph: NetworkGraph, seed: number): Parameters {
  const params: Parameters = new Map();
  graph.parameters.forEach((spec, i) => {
    params.set(spec.name, initialValue(spec, seed * 100_003 + i));
  });
  return params;
}

function initialValue(spec: ParameterSpec, seed: number): tf.Tensor {
  switch (spec.init) {
    case 'variance-scaling':
      return tf.truncatedNormal(
        spec.shape,
        0,
        Math.sqrt(1 / spec.fanIn) / TRUNCATED_NORMAL_STD,
        'float32',
        seed,
      );
    case 'glorot-uniform': {
      const [fanIn = 1, fanOut = 1] = spec.shape;
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return tf.randomUniform(spec.shape, -limit, limit, 'float32', seed);
    }
    case 'normal':
      return tf.randomNormal(spec.shape, 0, spec.std ?? 1, 'float32', seed);
    case 'zeros':
      return tf.zeros(spec.shape);
    case 'ones':
      return tf.ones(spec.shape);
  }
}

export function disposeParameters(params: Parameters): void {
  for (const t of params.values()) t.dispose();
  params.clear();
}
