/**
 * An engine-neutral description of a network: a small typed graph of operations with the shapes
 * of its parameters. Engines (TensorFlow.js in tfjs/, ONNX Runtime in onnx/) execute or lower
 * it; nothing about NAS-Bench-101 lives in an engine.
 */

export type NodeId = number;

/** A parameter tensor: its shape, how it starts, and whether training would update it. */
export interface ParameterSpec {
  name: string;
  shape: number[];
  /** 'variance-scaling': truncated normal, fan-in, scale 1 (TensorFlow's default in NAS-Bench-101). */
  init: 'variance-scaling' | 'glorot-uniform' | 'normal' | 'zeros' | 'ones';
  /** Standard deviation for 'normal'. */
  std?: number;
  /** Fan-in used by variance scaling (k·k·C_in for a conv, k·k for a depthwise conv). */
  fanIn: number;
  trainable: boolean;
  /**
   * Layout of a 4-D kernel: HWIO by default; 'depthwise' is TensorFlow's [k, k, C, 1] (HWCM with
   * multiplier 1), which ONNX holds as [C, 1, k, k] for a grouped Conv.
   */
  layout?: 'depthwise';
}

export type GraphOp =
  | { kind: 'input'; channels: number }
  /** Convolution without bias, 'same' padding as TensorFlow's (output ⌈in/stride⌉). */
  | {
      kind: 'conv';
      input: NodeId;
      kernel: number;
      inChannels: number;
      outChannels: number;
      weight: string;
      /** Default 1. */
      stride?: number;
    }
  /** Depthwise convolution: one k×k filter per channel, no bias, 'same' padding; weight [k, k, C, 1]. */
  | {
      kind: 'depthwise';
      input: NodeId;
      kernel: number;
      stride: number;
      channels: number;
      weight: string;
    }
  | {
      kind: 'batchnorm';
      input: NodeId;
      channels: number;
      gamma: string;
      beta: string;
      movingMean: string;
      movingVariance: string;
      momentum: number;
      epsilon: number;
    }
  /** Elementwise; also on pooled [N, C] vectors. */
  | { kind: 'relu'; input: NodeId }
  | { kind: 'sigmoid'; input: NodeId }
  /** [N, H, W, C] × a per-image channel gate [N, C] (squeeze-and-excitation's rescaling). */
  | { kind: 'scale'; input: NodeId; gate: NodeId }
  /** Max-pool with 'same' padding. */
  | { kind: 'maxpool'; input: NodeId; size: number; stride: number }
  | { kind: 'sum'; inputs: NodeId[] }
  /** Keeps the first `channels` channels. */
  | { kind: 'truncate'; input: NodeId; channels: number }
  /** Concatenates along channels, in the given order. */
  | { kind: 'concat'; inputs: NodeId[] }
  /** Global average pool over height and width: [N, H, W, C] → [N, C]. */
  | { kind: 'avgpool'; input: NodeId }
  /**
   * Average pool over a window with 'same' padding; as TensorFlow's, a window averages only the
   * cells inside the image (padding is not counted).
   */
  | { kind: 'avgpool2d'; input: NodeId; size: number; stride: number }
  | {
      kind: 'dense';
      input: NodeId;
      inFeatures: number;
      outFeatures: number;
      weight: string;
      bias: string;
      /**
       * Multipliers of the product and the bias (default 1). The NTK parameterisation draws W and
       * b from N(0, 1) and scales them here by σ_w/√fan_in and σ_b, so gradients are taken with
       * respect to unit-variance parameters.
       */
      weightScale?: number;
      biasScale?: number;
    };

/** A node: its operation, channel count and spatial size of its output (0 once pooled to a vector). */
export type GraphNode = GraphOp & { id: NodeId; channels: number; spatial: number };

export interface NetworkGraph {
  nodes: GraphNode[];
  parameters: ParameterSpec[];
  /** The global-average-pooled features (the NNGP feature vector). */
  features: NodeId;
  /** Logits when the graph has a dense head, else the features. */
  output: NodeId;
  imageSize: number;
}

/** Number of trainable parameters (conv kernels, batch-norm scale and offset, dense head). */
export function trainableParameterCount(graph: NetworkGraph): number {
  let total = 0;
  for (const p of graph.parameters) if (p.trainable) total += p.shape.reduce((a, b) => a * b, 1);
  return total;
}

/**
 * Multiply-accumulates of one image's forward pass up to `node`: convs, depthwise convs and
 * dense layers (squeeze-and-excitation's included) only, each at its output's spatial size — the
 * convention of the search-space FLOP counts (FLOPs = 2 × MACs). Batch norm, activations,
 * pooling, sums and the SE rescaling are not counted (elementwise, as the papers leave them out).
 */
export function forwardMacs(graph: NetworkGraph, node: NodeId = graph.output): number {
  let macs = 0;
  for (const n of graph.nodes) {
    if (n.id > node) break;
    const positions = n.spatial * n.spatial;
    if (n.kind === 'conv') macs += positions * n.kernel * n.kernel * n.inChannels * n.outChannels;
    if (n.kind === 'depthwise') macs += positions * n.kernel * n.kernel * n.channels;
    if (n.kind === 'dense') macs += n.inFeatures * n.outFeatures;
  }
  return macs;
}

/**
 * The nodes whose values `node` reads, in order.
 *
 * @example inputsOf({ kind: 'scale', input: 4, gate: 9, id: 10, channels: 16, spatial: 8 }) // [4, 9]
 */
export function inputsOf(node: GraphOp): NodeId[] {
  switch (node.kind) {
    case 'input':
      return [];
    case 'sum':
    case 'concat':
      return node.inputs;
    case 'scale':
      return [node.input, node.gate];
    case 'conv':
    case 'depthwise':
    case 'batchnorm':
    case 'relu':
    case 'sigmoid':
    case 'maxpool':
    case 'truncate':
    case 'avgpool':
    case 'avgpool2d':
    case 'dense':
      return [node.input];
  }
}
