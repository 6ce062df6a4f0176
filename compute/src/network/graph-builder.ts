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
    const from = this.node(input);
    const inChannels = from.channels;
    const weight = this.#parameter({
      name: `${scope}/conv`,
      shape: [kernel, kernel, inChannels, outChannels],
      init: 'variance-scaling',
      fanIn: kernel * kernel * inChannels,
      trainable: true,
    });
    const conv = this.#add(
      { kind: 'conv', input, kernel, inChannels, outChannels, weight },
      outChannels,
      from.spatial,
    );
    const bn = (suffix: string, init: ParameterSpec['init'], trainable: boolean) =>
      this.#parameter({
        name: `${scope}/bn/${suffix}`,
        shape: [outChannels],
        init,
        fanIn: 0,
        trainable,
      });
    const norm = this.#add(
      {
        kind: 'batchnorm',
        input: conv,
        channels: outChannels,
        gamma: bn('gamma', 'ones', true),
        beta: bn('beta', 'zeros', true),
        movingMean: bn('moving_mean', 'zeros', false),
        movingVariance: bn('moving_variance', 'ones', false),
        momentum: BN_MOMENTUM,
        epsilon: BN_EPSILON,
      },
      outChannels,
      from.spatial,
    );
    return this.#add({ kind: 'relu', input: norm }, outChannels, from.spatial);
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

/** NAS-Bench-101's batch-norm settings. */
export const BN_MOMENTUM = 0.997;
export const BN_EPSILON = 1e-5;
