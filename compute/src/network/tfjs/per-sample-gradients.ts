import * as tf from '@tensorflow/tfjs-core';
import type { GraphNode, NetworkGraph, NodeId } from '../graph.ts';
import { runGraph } from './execute.ts';
import { registerGradients } from './gradients.ts';
import type { Parameters } from './parameters.ts';

/**
 * A slice of a layer's trainable parameters whose per-sample gradients are formed together: a
 * conv kernel's output channels [from, to), a batch norm's scale and offset, or a dense layer's
 * kernel and bias. Wide layers split by output channel, so no block exceeds a size.
 */
export interface ParameterBlock {
  node: NodeId;
  from: number;
  to: number;
  /** Parameters in the block. */
  size: number;
}

type Layer = Extract<GraphNode, { kind: 'conv' | 'batchnorm' | 'dense' }>;

/**
 * Every trainable parameter of `graph` (up to its output), as blocks of at most `maxSize`
 * parameters (a conv splits by output channel; a batch norm or a dense layer wider than
 * `maxSize` is one block: they are small).
 *
 * @example parameterBlocks(graph, 1 << 20).reduce((s, b) => s + b.size, 0) // trainableParameterCount(graph)
 */
export function parameterBlocks(graph: NetworkGraph, maxSize: number): ParameterBlock[] {
  checkSupported(graph);
  const blocks: ParameterBlock[] = [];
  for (const node of graph.nodes) {
    if (node.id > graph.output) break;
    if (node.kind === 'conv') {
      const perChannel = node.kernel * node.kernel * node.inChannels;
      const step = Math.max(1, Math.floor(maxSize / perChannel));
      for (let from = 0; from < node.outChannels; from += step) {
        const to = Math.min(node.outChannels, from + step);
        blocks.push({ node: node.id, from, to, size: perChannel * (to - from) });
      }
    } else if (node.kind === 'batchnorm') {
      blocks.push({ node: node.id, from: 0, to: node.channels, size: 2 * node.channels });
    } else if (node.kind === 'dense') {
      const size = (node.inFeatures + 1) * node.outFeatures;
      blocks.push({ node: node.id, from: 0, to: node.outFeatures, size });
    }
  }
  return blocks;
}

/**
 * Per-sample gradients of f(x) = Σ of the graph's outputs (the summed logits when it has a dense
 * head) with respect to the parameters of `blocks`, in inference mode: [N, Σ block sizes], one
 * row per image, blocks in the order given. One forward pass with a zero probe added after every
 * layer of the blocks and one backward pass give ∂f/∂(layer output) for every image at once
 * (inference-mode batch norm keeps the images independent); each image's parameter gradient is
 * then its input patches against that output gradient. Returns a new tensor; frees the rest.
 *
 * @example const rows = perSampleGradients(graph, params, images, parameterBlocks(graph, 1 << 18));
 */
export function perSampleGradients(
  graph: NetworkGraph,
  params: Parameters,
  images: tf.Tensor,
  blocks: readonly ParameterBlock[],
): tf.Tensor2D {
  checkSupported(graph);
  registerGradients();
  const layers = [...new Set(blocks.map((b) => b.node))].map((id) => layerNode(graph, id));
  const probed = new Set(layers.map((l) => l.id));
  // What each layer's gradient reads besides its output gradient: its input, or for a batch norm
  // the conv output it normalises.
  const needed = new Set(layers.map((l) => l.input));
  const kept = new Map<NodeId, tf.Tensor>();
  return tf.tidy(() => {
    const probes = layers.map((l) => tf.zeros(outputShape(graph, l, images.shape[0])));
    const probeOf = new Map(layers.map((l, i) => [l.id, i]));
    const outputGradients = tf.grads((...zero: tf.Tensor[]) =>
      tf.sum(
        runGraph(graph, params, images, 'inference', graph.output, {
          tap(node, value) {
            if (needed.has(node.id)) kept.set(node.id, tf.keep(value.clone()));
            const p = probeOf.get(node.id);
            return probed.has(node.id) && p !== undefined
              ? tf.add(value, zero[p] as tf.Tensor)
              : value;
          },
        }),
      ),
    )(probes);
    const rows = blocks.map((block) => {
      const layer = layerNode(graph, block.node);
      const gradient = outputGradients[probeOf.get(layer.id) as number] as tf.Tensor;
      return blockGradient(layer, block, kept.get(layer.input) as tf.Tensor, gradient, params);
    });
    for (const t of kept.values()) t.dispose();
    return tf.concat(rows, 1) as tf.Tensor2D;
  });
}

/**
 * The per-layer gradient formulas below know stride-1 convs, batch norm and dense layers (and the
 * parameter-free ops of NAS-Bench-101 between them). Anything else — a depthwise or strided conv,
 * or squeeze-and-excitation's gating — is refused by name rather than given wrong numbers.
 */
function checkSupported(graph: NetworkGraph): void {
  for (const node of graph.nodes) {
    if (node.id > graph.output) break;
    const strided = node.kind === 'conv' && (node.stride ?? 1) !== 1;
    if (strided || !SUPPORTED.has(node.kind)) {
      const what = strided ? `a stride-${node.stride} 'conv'` : `'${node.kind}'`;
      throw new RangeError(
        `per-sample gradients do not support ${what} node (node ${node.id}); supported: stride-1 conv, ${[...SUPPORTED].filter((k) => k !== 'conv').join(', ')}`,
      );
    }
  }
}

const SUPPORTED = new Set<GraphNode['kind']>([
  'input',
  'conv',
  'batchnorm',
  'relu',
  'maxpool',
  'sum',
  'truncate',
  'concat',
  'avgpool',
  'dense',
]);

function layerNode(graph: NetworkGraph, id: NodeId): Layer {
  const node = graph.nodes[id];
  if (node?.kind !== 'conv' && node?.kind !== 'batchnorm' && node?.kind !== 'dense')
    throw new RangeError(`node ${id} has no trainable parameters`);
  return node;
}

function outputShape(graph: NetworkGraph, layer: Layer, batch: number): number[] {
  const node = graph.nodes[layer.id] as GraphNode;
  return node.spatial === 0
    ? [batch, node.channels]
    : [batch, node.spatial, node.spatial, node.channels];
}

/** One block's per-sample gradients, [N, block.size], from the layer's input and output gradient. */
function blockGradient(
  layer: Layer,
  block: ParameterBlock,
  input: tf.Tensor,
  gradient: tf.Tensor,
  params: Parameters,
): tf.Tensor2D {
  const n = gradient.shape[0] as number;
  const param = (name: string) => params.get(name) as tf.Tensor;
  switch (layer.kind) {
    case 'conv': {
      // ∂f/∂W[kh, kw, c_in, c_out] = Σ_positions x_shifted(kh, kw)[position, c_in] · g[position, c_out]:
      // one batched product per kernel offset, stacked in the kernel's (kh, kw, c_in) order.
      const channels = block.to - block.from;
      const columns =
        channels === layer.outChannels
          ? gradient
          : tf.slice(gradient, [0, 0, 0, block.from], [-1, -1, -1, channels]);
      const g = tf.reshape(columns, [n, -1, channels]) as tf.Tensor3D;
      const products = shiftedInputs(input as tf.Tensor4D, layer.kernel).map((x) =>
        tf.matMul(x, g, true, false),
      );
      return tf.reshape(tf.concat(products, 1), [n, block.size]);
    }
    case 'batchnorm': {
      // y = γ·x̂ + β with x̂ = (x − μ)/√(σ² + ε) from the moving statistics.
      const normalised = tf.div(
        tf.sub(input, param(layer.movingMean)),
        tf.sqrt(tf.add(param(layer.movingVariance), layer.epsilon)),
      );
      return tf.concat(
        [tf.sum(tf.mul(gradient, normalised), [1, 2]), tf.sum(gradient, [1, 2])],
        1,
      ) as tf.Tensor2D;
    }
    case 'dense': {
      const weight = tf.mul(
        tf.mul(tf.expandDims(input, 2), tf.expandDims(gradient, 1)),
        layer.weightScale ?? 1,
      );
      return tf.concat(
        [tf.reshape(weight, [n, -1]), tf.mul(gradient, layer.biasScale ?? 1)],
        1,
      ) as tf.Tensor2D;
    }
  }
}

/** The k·k inputs [N, H·W, C] a 'same'-padded stride-1 k×k convolution multiplies by each kernel offset, in (kh, kw) order. */
function shiftedInputs(x: tf.Tensor4D, kernel: number): tf.Tensor3D[] {
  const [n, h, w, c] = x.shape;
  if (kernel === 1) return [tf.reshape(x, [n, h * w, c])];
  const pad = (kernel - 1) >> 1;
  const padded = tf.pad(x, [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ]);
  const shifts: tf.Tensor3D[] = [];
  for (let i = 0; i < kernel; i++)
    for (let j = 0; j < kernel; j++)
      shifts.push(tf.reshape(tf.slice(padded, [0, i, j, 0], [n, h, w, c]), [n, h * w, c]));
  return shifts;
}
