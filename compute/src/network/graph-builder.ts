import type { GraphNode, GraphOp, NetworkGraph, NodeId, ParameterSpec } from './graph.ts';

/**
 * Appends nodes and parameters in execution order (every node's inputs come before it), tracking
 * each node's channels and spatial size.
 */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly parameters: ParameterSpec[] = [];
  readonly #imageSize: number;

  constructor(imageSize: number) {
    this.#imageSize = imageSize;
  }

  node(id: NodeId): GraphNode {
    const n = this.nodes[id];
    if (n === undefined) throw new RangeError(`no node ${id}`);
    return n;
  }

  #add(op: GraphOp, channels: number, spatial: number): NodeId {
    const id = this.nodes.length;
    this.nodes.push({ ...op, id, channels, spatial } as GraphNode);
    return id;
  }

  #parameter(spec: ParameterSpec): string {
    this.parameters.push(spec);
    return spec.name;
  }

  input(channels: number): NodeId {
    return this.#add({ kind: 'input', channels }, channels, this.#imageSize);
  }

  /** conv (no bias, 'same' padding) → batch norm → ReLU, NAS-Bench-101's conv_bn_relu. */
  convBnRelu(input: NodeId, kernel: number, outChannels: number, scope: string): NodeId {
    return this.convBn(input, kernel, outChannels, scope);
  }

  /**
   * conv → batch norm → ReLU unless `relu` is false (MobileNetV2's linear projections), with a
   * `stride` (default 1; 'same' padding, so the output is ⌈in/stride⌉ wide).
   *
   * @example g.convBn(x, 3, 32, 'stem', { stride: 2 }) // 224 → 112
   */
  convBn(
    input: NodeId,
    kernel: number,
    outChannels: number,
    scope: string,
    options: { stride?: number; relu?: boolean } = {},
  ): NodeId {
    const conv = this.conv(input, kernel, outChannels, `${scope}/conv`, options.stride);
    return this.#batchNormRelu(conv, scope, options.relu ?? true);
  }

  /**
   * A bare convolution (no bias, 'same' padding), weight `name` [k, k, C_in, C_out] with
   * variance-scaling init; a stride of 1 is left out of the node, as NAS-Bench-101's convs are.
   *
   * @example g.conv(x, 3, 8, 'probe/conv', 2)
   */
  conv(input: NodeId, kernel: number, outChannels: number, name: string, stride = 1): NodeId {
    checkStride(stride);
    const from = this.node(input);
    const inChannels = from.channels;
    const weight = this.#parameter({
      name,
      shape: [kernel, kernel, inChannels, outChannels],
      init: 'variance-scaling',
      fanIn: kernel * kernel * inChannels,
      trainable: true,
    });
    return this.#add(
      {
        kind: 'conv',
        input,
        kernel,
        inChannels,
        outChannels,
        weight,
        ...(stride === 1 ? {} : { stride }),
      },
      outChannels,
      Math.ceil(from.spatial / stride),
    );
  }

  /**
   * A bare depthwise convolution: one k×k filter per channel (weight `name` [k, k, C, 1],
   * variance-scaling with fan-in k·k), no bias, 'same' padding.
   *
   * @example g.depthwiseConv(x, 5, 'block3/layer0/depthwise', 2)
   */
  depthwiseConv(input: NodeId, kernel: number, name: string, stride = 1): NodeId {
    checkStride(stride);
    const from = this.node(input);
    const channels = from.channels;
    const weight = this.#parameter({
      name,
      shape: [kernel, kernel, channels, 1],
      init: 'variance-scaling',
      fanIn: kernel * kernel,
      trainable: true,
      layout: 'depthwise',
    });
    return this.#add(
      { kind: 'depthwise', input, kernel, stride, channels, weight },
      channels,
      Math.ceil(from.spatial / stride),
    );
  }

  /**
   * depthwise conv → batch norm → ReLU (unless `relu` is false), MobileNet's depthwise layer.
   *
   * @example g.depthwiseConvBn(x, 3, 2, 'block2/layer0', { relu: true })
   */
  depthwiseConvBn(
    input: NodeId,
    kernel: number,
    stride: number,
    scope: string,
    options: { relu?: boolean } = {},
  ): NodeId {
    const conv = this.depthwiseConv(input, kernel, `${scope}/depthwise`, stride);
    return this.#batchNormRelu(conv, scope, options.relu ?? true);
  }

  /**
   * Squeeze-and-excitation as MnasNet's reference code has it: global average pool, a 1×1 conv
   * with bias to `reducedChannels` (a dense layer on the pooled vector), ReLU, a 1×1 conv with
   * bias back to the input's channels, sigmoid, and the input rescaled channel by channel.
   * Kernels start variance-scaled (fan-in), biases at zero.
   *
   * @example g.squeezeExcite(x, Math.max(1, Math.floor(24 * 0.25)), 'block3/layer0/se')
   */
  squeezeExcite(input: NodeId, reducedChannels: number, scope: string): NodeId {
    const channels = this.node(input).channels;
    const squeezed = this.globalAveragePool(input);
    const reduced = this.relu(this.#denseLayer(squeezed, reducedChannels, `${scope}/reduce`));
    const gate = this.sigmoid(this.#denseLayer(reduced, channels, `${scope}/expand`));
    return this.scale(input, gate);
  }

  /** A 1×1 conv with bias on a pooled [N, C] vector: variance-scaling kernel, zero bias. */
  #denseLayer(input: NodeId, outFeatures: number, scope: string): NodeId {
    const inFeatures = this.node(input).channels;
    const weight = this.#parameter({
      name: `${scope}/kernel`,
      shape: [inFeatures, outFeatures],
      init: 'variance-scaling',
      fanIn: inFeatures,
      trainable: true,
    });
    const bias = this.#parameter({
      name: `${scope}/bias`,
      shape: [outFeatures],
      init: 'zeros',
      fanIn: 0,
      trainable: true,
    });
    return this.#add(
      { kind: 'dense', input, inFeatures, outFeatures, weight, bias },
      outFeatures,
      0,
    );
  }

  /** Batch norm (NAS-Bench-101's settings) on `input`, then a ReLU when `relu`. */
  #batchNormRelu(input: NodeId, scope: string, relu: boolean): NodeId {
    const { channels, spatial } = this.node(input);
    const bn = (suffix: string, init: ParameterSpec['init'], trainable: boolean) =>
      this.#parameter({
        name: `${scope}/bn/${suffix}`,
        shape: [channels],
        init,
        fanIn: 0,
        trainable,
      });
    const norm = this.#add(
      {
        kind: 'batchnorm',
        input,
        channels,
        gamma: bn('gamma', 'ones', true),
        beta: bn('beta', 'zeros', true),
        movingMean: bn('moving_mean', 'zeros', false),
        movingVariance: bn('moving_variance', 'ones', false),
        momentum: BN_MOMENTUM,
        epsilon: BN_EPSILON,
      },
      channels,
      spatial,
    );
    return relu ? this.relu(norm) : norm;
  }

  maxPool(input: NodeId, size: number, stride: number): NodeId {
    const from = this.node(input);
    return this.#add(
      { kind: 'maxpool', input, size, stride },
      from.channels,
      Math.ceil(from.spatial / stride),
    );
  }

  sum(inputs: NodeId[]): NodeId {
    if (inputs.length === 1) return inputs[0] as NodeId;
    const first = this.node(inputs[0] as NodeId);
    return this.#add({ kind: 'sum', inputs }, first.channels, first.spatial);
  }

  truncate(input: NodeId, channels: number): NodeId {
    const from = this.node(input);
    if (channels === from.channels) return input;
    if (channels > from.channels) {
      throw new RangeError(`cannot truncate ${from.channels} channels to ${channels}`);
    }
    return this.#add({ kind: 'truncate', input, channels }, channels, from.spatial);
  }

  concat(inputs: NodeId[]): NodeId {
    if (inputs.length === 1) return inputs[0] as NodeId;
    const channels = inputs.reduce((sum, id) => sum + this.node(id).channels, 0);
    return this.#add({ kind: 'concat', inputs }, channels, this.node(inputs[0] as NodeId).spatial);
  }

  relu(input: NodeId): NodeId {
    const from = this.node(input);
    return this.#add({ kind: 'relu', input }, from.channels, from.spatial);
  }

  sigmoid(input: NodeId): NodeId {
    const from = this.node(input);
    return this.#add({ kind: 'sigmoid', input }, from.channels, from.spatial);
  }

  /**
   * `input` [N, H, W, C] times a per-image channel gate [N, C].
   *
   * @example g.scale(features, g.sigmoid(logits))
   */
  scale(input: NodeId, gate: NodeId): NodeId {
    const from = this.node(input);
    const by = this.node(gate);
    if (by.spatial !== 0 || by.channels !== from.channels) {
      throw new RangeError(
        `a scale gate must be a [N, ${from.channels}] vector, got node ${gate} (${by.channels} channels, spatial ${by.spatial})`,
      );
    }
    return this.#add({ kind: 'scale', input, gate }, from.channels, from.spatial);
  }

  /**
   * Average pool over a `size` window with `stride` and 'same' padding (padded cells not counted).
   *
   * @example g.averagePool(x, 2, 2) // 7×7 → 4×4
   */
  averagePool(input: NodeId, size: number, stride: number): NodeId {
    checkStride(stride);
    const from = this.node(input);
    return this.#add(
      { kind: 'avgpool2d', input, size, stride },
      from.channels,
      Math.ceil(from.spatial / stride),
    );
  }

  globalAveragePool(input: NodeId): NodeId {
    return this.#add({ kind: 'avgpool', input }, this.node(input).channels, 0);
  }

  /**
   * A fully-connected layer. By default Keras' (glorot-uniform kernel, zero bias); with `gaussian`
   * the NNGP parameterisation W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²), or with
   * `parameterisation: 'ntk'` the NTK one: W, b ~ N(0, 1), output σ_w/√fan_in·aW + σ_b·b.
   *
   * @example g.dense(h, 1024, 'layer0', { weightVariance: 2, biasVariance: 0.1, parameterisation: 'ntk' })
   */
  dense(
    input: NodeId,
    outFeatures: number,
    scope: string,
    gaussian?: {
      weightVariance: number;
      biasVariance: number;
      parameterisation?: 'standard' | 'ntk';
    },
  ): NodeId {
    const inFeatures = this.node(input).channels;
    const ntk = gaussian?.parameterisation === 'ntk';
    const weight = this.#parameter({
      name: `${scope}/kernel`,
      shape: [inFeatures, outFeatures],
      init: gaussian ? 'normal' : 'glorot-uniform',
      ...(gaussian ? { std: ntk ? 1 : Math.sqrt(gaussian.weightVariance / inFeatures) } : {}),
      fanIn: inFeatures,
      trainable: true,
    });
    const hasBias = gaussian !== undefined && gaussian.biasVariance > 0;
    const bias = this.#parameter({
      name: `${scope}/bias`,
      shape: [outFeatures],
      init: hasBias ? 'normal' : 'zeros',
      ...(hasBias ? { std: ntk ? 1 : Math.sqrt(gaussian.biasVariance) } : {}),
      fanIn: 0,
      trainable: true,
    });
    const scales =
      ntk && gaussian
        ? {
            weightScale: Math.sqrt(gaussian.weightVariance / inFeatures),
            biasScale: Math.sqrt(gaussian.biasVariance),
          }
        : {};
    return this.#add(
      { kind: 'dense', input, inFeatures, outFeatures, weight, bias, ...scales },
      outFeatures,
      0,
    );
  }

  finish(features: NodeId, output: NodeId): NetworkGraph {
    return {
      nodes: this.nodes,
      parameters: this.parameters,
      features,
      output,
      imageSize: this.#imageSize,
    };
  }
}

function checkStride(stride: number): void {
  if (!Number.isInteger(stride) || stride < 1)
    throw new RangeError(`stride must be a positive integer, got ${stride}`);
}

/** NAS-Bench-101's batch-norm settings. */
export const BN_MOMENTUM = 0.997;
export const BN_EPSILON = 1e-5;
