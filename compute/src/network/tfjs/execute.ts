import * as tf from '@tensorflow/tfjs-core';
import type { GraphNode, NetworkGraph, NodeId } from '../graph.ts';
import type { Parameters } from './parameters.ts';
import { chainEnd, executionPlan } from './plan.ts';

/**
 * Runs `graph` on `images` ([N, H, W, C], or [N, C] for a fully-connected graph) up to `until` and returns that node's value.
 * In 'inference' mode batch norm uses the moving statistics; in 'training' mode it normalises with
 * the batch's statistics and replaces the moving statistics in `params` by their momentum update
 * (as a training step of NAS-Bench-101's tf.layers.batch_normalization would). Intermediate
 * tensors are freed as soon as nothing later reads them; the caller owns the result. In inference
 * mode each conv (or depthwise conv) → batch norm (→ ReLU) runs as one fused conv unless `fuse`
 * is false or a `tap` is given: `tap` sees every node's value as it is made and returns the value later nodes read
 * (the per-sample gradients add zero probes there and keep the activations they need).
 *
 * @example const features = tf.tidy(() => runGraph(graph, params, images, 'inference'));
 */
export function runGraph(
  graph: NetworkGraph,
  params: Parameters,
  images: tf.Tensor,
  mode: 'training' | 'inference',
  until: NodeId = graph.output,
  options: { fuse?: boolean; tap?: (node: GraphNode, value: tf.Tensor) => tf.Tensor } = {},
): tf.Tensor {
  const { tap } = options;
  const updates = new Map<string, tf.Tensor>();
  const plan = executionPlan(graph);
  const result = tf.tidy(() => {
    const values: (tf.Tensor | undefined)[] = [];
    const computed = new Set<NodeId>();
    for (const node of graph.nodes) {
      if (node.id > until) break;
      if (computed.has(node.id)) continue; // part of a fused chain
      const fuse = mode === 'inference' && options.fuse !== false && tap === undefined;
      const fused = fuse ? plan.fusable.get(node.id) : undefined;
      if (
        fused !== undefined &&
        (node.kind === 'conv' || node.kind === 'depthwise') &&
        chainEnd(fused) <= until
      ) {
        const bn = graph.nodes[fused.batchnorm];
        values[chainEnd(fused)] = fusedConvBn(node, bn, fused.relu !== undefined, values, params);
        computed.add(fused.batchnorm).add(chainEnd(fused));
      } else {
        const value = evaluate(node, values as tf.Tensor[], params, images, mode, updates);
        values[node.id] = tap ? tap(node, value) : value;
      }
      // Free what no later node reads: peak memory stays near one module's activations.
      for (let id = 0; id < node.id; id++) {
        const value = values[id];
        if (
          value !== undefined &&
          value !== images &&
          (plan.lastUse[id] as number) <= node.id &&
          id !== until
        ) {
          value.dispose();
          values[id] = undefined;
        }
      }
    }
    for (const t of updates.values()) tf.keep(t);
    return values[until] as tf.Tensor;
  });
  for (const [name, value] of updates) {
    params.get(name)?.dispose();
    params.set(name, value);
  }
  return result;
}

function evaluate(
  node: GraphNode,
  values: tf.Tensor[],
  params: Parameters,
  images: tf.Tensor,
  mode: 'training' | 'inference',
  updates: Map<string, tf.Tensor>,
): tf.Tensor {
  const at = (id: NodeId) => values[id] as tf.Tensor4D;
  const param = (name: string) => {
    const p = params.get(name);
    if (p === undefined) throw new RangeError(`parameter ${name} is missing`);
    return p;
  };
  switch (node.kind) {
    case 'input':
      return images;
    case 'conv':
      return tf.conv2d(at(node.input), param(node.weight) as tf.Tensor4D, node.stride ?? 1, 'same');
    case 'depthwise':
      return tf.depthwiseConv2d(
        at(node.input),
        param(node.weight) as tf.Tensor4D,
        node.stride,
        'same',
      );
    case 'batchnorm':
      return batchNorm(node, at(node.input), param, mode, updates);
    case 'relu':
      return tf.relu(values[node.input] as tf.Tensor);
    case 'sigmoid':
      return tf.sigmoid(values[node.input] as tf.Tensor);
    case 'scale': {
      const [n, , , c] = at(node.input).shape;
      return tf.mul(at(node.input), tf.reshape(values[node.gate] as tf.Tensor, [n, 1, 1, c]));
    }
    case 'maxpool':
      return tf.maxPool(at(node.input), node.size, node.stride, 'same');
    case 'avgpool2d':
      return tf.avgPool(at(node.input), node.size, node.stride, 'same');
    case 'sum':
      return tf.addN(node.inputs.map(at));
    case 'truncate':
      return tf.slice(at(node.input), [0, 0, 0, 0], [-1, -1, -1, node.channels]);
    case 'concat':
      return tf.concat(node.inputs.map(at), 3);
    case 'avgpool':
      return tf.mean(at(node.input), [1, 2]);
    case 'dense':
      return tf.add(
        scaled(
          tf.matMul(values[node.input] as tf.Tensor2D, param(node.weight) as tf.Tensor2D),
          node.weightScale,
        ),
        scaled(param(node.bias), node.biasScale),
      );
  }
}

function scaled(x: tf.Tensor, factor: number | undefined): tf.Tensor {
  return factor === undefined || factor === 1 ? x : tf.mul(x, factor);
}

function batchNorm(
  node: Extract<GraphNode, { kind: 'batchnorm' }>,
  x: tf.Tensor4D,
  param: (name: string) => tf.Tensor,
  mode: 'training' | 'inference',
  updates: Map<string, tf.Tensor>,
): tf.Tensor {
  const gamma = param(node.gamma) as tf.Tensor1D;
  const beta = param(node.beta) as tf.Tensor1D;
  if (mode === 'inference') {
    // As the affine map it is, x·s + (β − μ·s) with s = γ/√(σ² + ε): its gradient is one
    // broadcast product, where tf.batchNorm's tiles the scale to the activation's shape.
    const scale = tf.div(gamma, tf.sqrt(tf.add(param(node.movingVariance), node.epsilon)));
    return tf.add(tf.mul(x, scale), tf.sub(beta, tf.mul(param(node.movingMean), scale)));
  }
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  // TensorFlow's fused training-mode batch norm feeds the unbiased (Bessel-corrected) variance
  // into the moving average.
  const count = x.shape[0] * x.shape[1] * x.shape[2];
  const unbiased = count > 1 ? tf.mul(variance, count / (count - 1)) : variance;
  const m = node.momentum;
  updates.set(node.movingMean, tf.add(tf.mul(param(node.movingMean), m), tf.mul(mean, 1 - m)));
  updates.set(
    node.movingVariance,
    tf.add(tf.mul(param(node.movingVariance), m), tf.mul(unbiased, 1 - m)),
  );
  return tf.batchNorm(x, mean, variance, beta, gamma, node.epsilon);
}

/**
 * conv (or depthwise conv) → batch norm (moving statistics) → optional ReLU as one fused conv:
 * the normalisation folds into the filter (W·γ/√(σ²+ε) per output channel) and a bias
 * (β − μ·γ/√(σ²+ε)), saving two passes over the activations.
 */
function fusedConvBn(
  conv: Extract<GraphNode, { kind: 'conv' | 'depthwise' }>,
  bn: GraphNode | undefined,
  relu: boolean,
  values: (tf.Tensor | undefined)[],
  params: Parameters,
): tf.Tensor {
  if (bn?.kind !== 'batchnorm')
    throw new RangeError(`node ${conv.id} is not followed by a batch norm`);
  const param = (name: string) => params.get(name) as tf.Tensor;
  const scale = tf.div(param(bn.gamma), tf.sqrt(tf.add(param(bn.movingVariance), bn.epsilon)));
  const bias = tf.sub(param(bn.beta), tf.mul(param(bn.movingMean), scale));
  const activation = relu ? 'relu' : 'linear';
  const x = values[conv.input] as tf.Tensor4D;
  if (conv.kind === 'depthwise') {
    // The filter is [k, k, C, 1]: the per-channel scale broadcasts along its third axis.
    const filter = tf.mul(param(conv.weight), tf.reshape(scale, [-1, 1])) as tf.Tensor4D;
    return tf.fused.depthwiseConv2d({
      x,
      filter,
      strides: conv.stride,
      pad: 'same',
      bias,
      activation,
    });
  }
  return tf.fused.conv2d({
    x,
    filter: tf.mul(param(conv.weight), scale) as tf.Tensor4D,
    strides: conv.stride ?? 1,
    pad: 'same',
    bias,
    activation,
  });
}
