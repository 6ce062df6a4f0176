import type { GraphNode, NetworkGraph, NodeId } from '../graph.ts';
import { chainEnd, executionPlan } from '../tfjs/plan.ts';
import { type OnnxTensor, ProtoBuilder } from './proto-builder.ts';

/** The lowered model's NHWC float32 image input and its feature output. */
export const IMAGES = 'images';
export const FEATURES = 'features';

export interface LoweringOptions {
  /**
   * 'training': every batch norm normalises with its batch's mean and biased variance, which the
   * model returns as outputs `statisticNames(node)`; 'inference': every conv (or depthwise conv) →
   * batch norm (→ ReLU) is one Conv with a bias (the batch norm folded into the weights, see
   * foldBatchNorms), then a Relu where the chain has one.
   */
  mode: 'training' | 'inference';
  /** The node whose value is the output (default the features). */
  until?: NodeId;
  /**
   * Parameter values baked in as initializers; a parameter not given here becomes a graph input
   * of the same name, so one session can serve every seed.
   */
  weights?: ReadonlyMap<string, OnnxTensor>;
}

export interface LoweredModel {
  bytes: Uint8Array;
  /** Parameters the caller must feed (those not baked in), by name, with their ONNX shapes. */
  parameterInputs: Map<string, number[]>;
  /** Training mode: the batch norms whose statistics the model outputs, in graph order. */
  batchNorms: Extract<GraphNode, { kind: 'batchnorm' }>[];
}

/** Output names of a training-mode batch norm's batch mean and biased variance (each [C]). */
export function statisticNames(node: { id: NodeId }): { mean: string; variance: string } {
  return { mean: `bn${node.id}/mean`, variance: `bn${node.id}/variance` };
}

/** Name of the folded bias of a conv → batch norm → ReLU chain in an inference-mode model. */
export function foldedBiasName(conv: { weight: string }): string {
  return `${conv.weight}/folded-bias`;
}

/**
 * Lowers a NetworkGraph to an ONNX model (opset 17): the NHWC input is transposed once to NCHW,
 * convs take OIHW weights (see onnxParameters; a depthwise conv is a Conv with one group per
 * channel), convs and pools get TensorFlow's 'SAME' pads explicitly (the extra row and column at
 * the end, as ONNX's SAME_UPPER; pools ignore padded cells, as TensorFlow's do), and the output is
 * [N, C].
 *
 * @example
 * const { bytes } = lowerGraph(graph, { mode: 'inference' });
 * const session = await ort.InferenceSession.create(bytes);
 */
export function lowerGraph(graph: NetworkGraph, options: LoweringOptions): LoweredModel {
  const { mode, weights } = options;
  const until = options.until ?? graph.features;
  const b = new ProtoBuilder();
  const parameterInputs = new Map<string, number[]>();
  const batchNorms: LoweredModel['batchNorms'] = [];
  const initialized = new Set<string>();
  const shapes = new Map(graph.parameters.map((p) => [p.name, onnxShape(p.shape, p.layout)]));
  const parameter = (name: string, dims = shapes.get(name)): string => {
    if (dims === undefined) throw new RangeError(`parameter ${name} is not in the graph`);
    const baked = weights?.get(name);
    if (baked !== undefined) {
      if (!initialized.has(name)) b.floatInitializer(name, baked);
      initialized.add(name);
      return name;
    }
    if (!parameterInputs.has(name)) {
      parameterInputs.set(name, dims);
      b.input(name, dims);
    }
    return name;
  };
  const { fusable } = executionPlan(graph);
  const names: string[] = [];
  const at = (id: NodeId) => names[id] as string;
  const skip = new Set<NodeId>();

  for (const node of graph.nodes) {
    if (node.id > until) break;
    if (skip.has(node.id)) continue;
    const chain = mode === 'inference' ? fusable.get(node.id) : undefined;
    if (
      (node.kind === 'conv' || node.kind === 'depthwise') &&
      chain !== undefined &&
      chainEnd(chain) <= until
    ) {
      const channels = node.kind === 'conv' ? node.outChannels : node.channels;
      const conv = b.op(
        'Conv',
        [at(node.input), parameter(node.weight), parameter(foldedBiasName(node), [channels])],
        convAttributes(graph, node),
      );
      names[chainEnd(chain)] = chain.relu === undefined ? conv : b.op('Relu', [conv]);
      skip.add(chain.batchnorm).add(chainEnd(chain));
      continue;
    }
    names[node.id] = lowerNode(b, graph, node, at, parameter, mode, batchNorms);
  }
  const outputNode = graph.nodes[until];
  if (outputNode === undefined) throw new RangeError(`no node ${until}`);
  b.node('Identity', [at(until)], [FEATURES]);
  b.output(
    FEATURES,
    outputNode.spatial === 0
      ? ['batch', outputNode.channels]
      : ['batch', outputNode.channels, outputNode.spatial, outputNode.spatial],
  );
  for (const bn of batchNorms) {
    const { mean, variance } = statisticNames(bn);
    b.output(mean, [bn.channels]);
    b.output(variance, [bn.channels]);
  }
  return { bytes: b.encode(`nasbench-${mode}`), parameterInputs, batchNorms };
}

/**
 * ONNX layout of a parameter: conv kernels HWIO → OIHW, depthwise kernels [k, k, C, 1] →
 * [C, 1, k, k] (a grouped Conv's filters: the same numbers in the same order as OIHW of
 * [k, k, C, 1]); vectors and dense kernels unchanged.
 */
export function onnxShape(shape: readonly number[], layout?: 'depthwise'): number[] {
  if (shape.length !== 4) return [...shape];
  const [h, w, i, o] = shape as [number, number, number, number];
  return layout === 'depthwise' ? [i * o, 1, h, w] : [o, i, h, w];
}

function lowerNode(
  b: ProtoBuilder,
  graph: NetworkGraph,
  node: GraphNode,
  at: (id: NodeId) => string,
  parameter: (name: string, dims?: number[]) => string,
  mode: 'training' | 'inference',
  batchNorms: LoweredModel['batchNorms'],
): string {
  switch (node.kind) {
    case 'input':
      b.input(IMAGES, ['batch', graph.imageSize, graph.imageSize, node.channels]);
      return b.op('Transpose', [IMAGES], { perm: [0, 3, 1, 2] });
    case 'conv':
    case 'depthwise':
      return b.op('Conv', [at(node.input), parameter(node.weight)], convAttributes(graph, node));
    case 'batchnorm':
      if (mode === 'inference') {
        return b.op(
          'BatchNormalization',
          [
            at(node.input),
            parameter(node.gamma),
            parameter(node.beta),
            parameter(node.movingMean),
            parameter(node.movingVariance),
          ],
          { epsilon: { float: node.epsilon } },
        );
      }
      batchNorms.push(node);
      return trainingBatchNorm(b, node, at(node.input), parameter);
    case 'relu':
      return b.op('Relu', [at(node.input)]);
    case 'sigmoid':
      return b.op('Sigmoid', [at(node.input)]);
    case 'scale':
      // The gate [N, C] becomes [N, C, 1, 1] and broadcasts over NCHW.
      return b.op('Mul', [
        at(node.input),
        b.op('Unsqueeze', [at(node.gate), b.int64Constant([2, 3])]),
      ]);
    case 'maxpool':
      return b.op('MaxPool', [at(node.input)], poolAttributes(graph, node));
    case 'avgpool2d':
      // count_include_pad 0 (the default, spelled out): TensorFlow averages real cells only.
      return b.op('AveragePool', [at(node.input)], {
        ...poolAttributes(graph, node),
        count_include_pad: 0,
      });
    case 'sum':
      return b.op('Sum', node.inputs.map(at));
    case 'truncate':
      return b.op('Slice', [
        at(node.input),
        b.int64Constant([0]),
        b.int64Constant([node.channels]),
        b.int64Constant([1]),
      ]);
    case 'concat':
      return b.op('Concat', node.inputs.map(at), { axis: 1 });
    case 'avgpool':
      return b.op('Flatten', [b.op('GlobalAveragePool', [at(node.input)])], { axis: 1 });
    case 'dense':
      return b.op('Gemm', [at(node.input), parameter(node.weight), parameter(node.bias)], {
        alpha: { float: node.weightScale ?? 1 },
        beta: { float: node.biasScale ?? 1 },
      });
  }
}

/**
 * Training-mode batch norm as TensorFlow computes it: normalised by the batch mean and the
 * biased batch variance over N, H, W, both also model outputs for the moving-statistics update.
 * ORT's own training-mode BatchNormalization does this in one pass (measured 15–20% less CPU time
 * for the full-width training pass than ReduceMean/Sub/Mul/… ops); with momentum 0 its "running"
 * outputs are exactly the batch statistics, and updateMovingStatistics applies TensorFlow's
 * momentum and Bessel correction.
 */
function trainingBatchNorm(
  b: ProtoBuilder,
  node: Extract<GraphNode, { kind: 'batchnorm' }>,
  x: string,
  parameter: (name: string, dims?: number[]) => string,
): string {
  const { mean, variance } = statisticNames(node);
  return b.node(
    'BatchNormalization',
    [
      x,
      parameter(node.gamma),
      parameter(node.beta),
      parameter(node.movingMean),
      parameter(node.movingVariance),
    ],
    [b.name('batchnorm'), mean, variance],
    { epsilon: { float: node.epsilon }, momentum: { float: 0 }, training_mode: 1 },
  );
}

/**
 * A conv's ONNX attributes: TensorFlow's 'SAME' pads for its input size (k − 1 split evenly at
 * stride 1 and odd k, as before strides existed), and one group per channel when depthwise.
 */
function convAttributes(
  graph: NetworkGraph,
  node: Extract<GraphNode, { kind: 'conv' | 'depthwise' }>,
): Record<string, number | number[]> {
  const stride = node.stride ?? 1;
  const size = graph.nodes[node.input]?.spatial ?? 0;
  const [before, after] = samePadding(size, node.kernel, stride);
  return {
    kernel_shape: [node.kernel, node.kernel],
    strides: [stride, stride],
    pads: [before, before, after, after],
    ...(node.kind === 'depthwise' ? { group: node.channels } : {}),
  };
}

function poolAttributes(
  graph: NetworkGraph,
  node: Extract<GraphNode, { kind: 'maxpool' | 'avgpool2d' }>,
): Record<string, number[]> {
  const size = graph.nodes[node.input]?.spatial ?? 0;
  const [before, after] = samePadding(size, node.size, node.stride);
  return {
    kernel_shape: [node.size, node.size],
    strides: [node.stride, node.stride],
    pads: [before, before, after, after],
  };
}

/**
 * TensorFlow's 'SAME' padding of one spatial axis: total = max((⌈in/s⌉ − 1)·s + k − in, 0), the
 * smaller half before. (2x2 stride 2 on even sizes pads nothing; 3x3 stride 1 pads 1 and 1.)
 */
export function samePadding(size: number, kernel: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}
