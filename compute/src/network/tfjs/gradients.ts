import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Registers TensorFlow.js's gradient definitions, once. tfjs-core keeps them out of its Node
 * bundle, in an ES-module file Node cannot load (extensionless imports); the umbrella package's
 * Node bundle registers the same definitions in the one global registry. Then the input gradient
 * of a stride-1 'same' convolution becomes a forward convolution with the kernel turned 180° and
 * its channels swapped, the same numbers: the wasm backend runs forward convolutions through
 * XNNPACK and Conv2DBackpropInput as plain loops (measured about 3× the whole forward pass).
 * Loaded on first use, so only gradient work pays for it.
 *
 * @example registerGradients(); tf.grad((x) => tf.sum(tf.conv2d(x, w, 1, 'same')))(x)
 */
export function registerGradients(): void {
  if (tf.getGradient('Conv2D')?.gradFunc.name === fastConv2dGradient.name) return;
  if (tf.getGradient('Conv2D') === undefined) createRequire(import.meta.url)('@tensorflow/tfjs');
  const original = tf.getGradient('Conv2D');
  if (original === undefined) throw new Error('@tensorflow/tfjs registered no Conv2D gradient');
  originalConv2dGradient = original.gradFunc;
  tf.registerGradient({ ...original, gradFunc: fastConv2dGradient });
}

let originalConv2dGradient: tf.GradConfig['gradFunc'] | undefined;

function fastConv2dGradient(
  dy: tf.Tensor | tf.Tensor[],
  saved: tf.Tensor[],
  attrs: tf.NamedAttrMap,
): ReturnType<tf.GradConfig['gradFunc']> {
  const grads = (originalConv2dGradient as tf.GradConfig['gradFunc'])(dy, saved, attrs);
  const filter = saved[1] as tf.Tensor4D;
  const { strides, pad, dilations, dataFormat } = attrs as {
    strides: number | [number, number];
    pad: unknown;
    dilations: number | [number, number];
    dataFormat: string;
  };
  const ones = (v: number | [number, number]) =>
    Array.isArray(v) ? v.every((d) => d === 1) : v === 1;
  const [kh, kw] = filter.shape;
  if (
    pad === 'same' &&
    ones(strides) &&
    ones(dilations) &&
    dataFormat === 'NHWC' &&
    kh % 2 === 1 &&
    kw % 2 === 1
  ) {
    grads.x = () =>
      tf.conv2d(
        dy as tf.Tensor4D,
        tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]),
        1,
        'same',
      );
  }
  return grads;
}
