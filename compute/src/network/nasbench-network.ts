import { vertexChannels } from '../nasbench/channels.ts';
import type { Matrix } from '../nasbench/matrix.ts';
import type { Operation } from '../nasbench/operations.ts';
import { ModelSpec } from '../nasbench/spec.ts';
import { DEFAULT_SHAPE, type NetworkShape } from '../nasbench/structure.ts';
import type { NetworkGraph, NodeId } from './graph.ts';
import { GraphBuilder } from './graph-builder.ts';

/**
 * The network NAS-Bench-101 trained for a cell, whatever numbering of its vertices the caller
 * holds: built on the numbering the dataset stores (ModelSpec.canonical). The numbering matters:
 * vertex k takes the k-th draw of the seeded initialisation and the channel split follows vertex
 * order, so two numberings of one cell are two different random networks. Every evaluation builds
 * its network here, so an architecture has one kernel per seed however it was named.
 *
 * @example architectureNetwork(INCEPTION_CELL.matrix, INCEPTION_CELL.ops) // numbered as stored
 */
export function architectureNetwork(
  matrix: Matrix,
  ops: readonly Operation[],
  shape: NetworkShape = DEFAULT_SHAPE,
  options: { head?: boolean } = {},
): NetworkGraph {
  const stored = new ModelSpec(
    matrix.map((row) => [...row]),
    [...ops],
  ).canonical();
  return nasbenchNetwork(stored.matrix, stored.ops, shape, options);
}

/**
 * The NAS-Bench-101 network of a cell in the numbering given (model_builder.build_model): a 3x3 conv-BN-ReLU stem, then
 * `stacks` stacks of `modulesPerStack` modules, a 2x2 stride-2 max-pool before every stack but the
 * first (which doubles the channels), global average pooling, and a dense head when `head`.
 *
 * @example const graph = nasbenchNetwork(spec.matrix, spec.ops, { ...DEFAULT_SHAPE, stemChannels: 16 });
 */
export function nasbenchNetwork(
  matrix: Matrix,
  ops: readonly Operation[],
  shape: NetworkShape = DEFAULT_SHAPE,
  options: { head?: boolean } = {},
): NetworkGraph {
  const g = new GraphBuilder(shape.imageSize);
  let net = g.convBnRelu(g.input(3), 3, shape.stemChannels, 'stem');
  for (let stack = 0; stack < shape.stacks; stack++) {
    let channels = g.node(net).channels;
    if (stack > 0) {
      net = g.maxPool(net, 2, 2);
      channels *= 2;
    }
    for (let m = 0; m < shape.modulesPerStack; m++) {
      net = nasbenchModule(g, net, matrix, ops, channels, `stack${stack}/module${m}`);
    }
  }
  const features = g.globalAveragePool(net);
  const output = options.head ? g.dense(features, shape.classes, 'dense') : features;
  return g.finish(features, output);
}

/** One module (model_builder.build_module): vertices in order, then the output concatenation. */
function nasbenchModule(
  g: GraphBuilder,
  input: NodeId,
  matrix: Matrix,
  ops: readonly Operation[],
  channels: number,
  scope: string,
): NodeId {
  const n = matrix.length;
  const out = n - 1;
  const widths = vertexChannels(g.node(input).channels, channels, matrix);
  const vertices: NodeId[] = [input];
  const concat: NodeId[] = [];
  for (let t = 1; t < out; t++) {
    const width = widths[t] as number;
    const addends: NodeId[] = [];
    for (let src = 1; src < t; src++) {
      if (matrix[src]?.[t]) addends.push(g.truncate(vertices[src] as NodeId, width));
    }
    if (matrix[0]?.[t])
      addends.push(g.convBnRelu(input, 1, width, `${scope}/vertex${t}/projection`));
    const vertexInput = g.sum(addends);
    vertices.push(vertexOp(g, vertexInput, ops[t] as Operation, width, `${scope}/vertex${t}`));
    if (matrix[t]?.[out]) concat.push(vertices[t] as NodeId);
  }
  if (concat.length === 0) return g.convBnRelu(input, 1, channels, `${scope}/output/projection`);
  const joined = g.concat(concat);
  if (!matrix[0]?.[out]) return joined;
  return g.sum([joined, g.convBnRelu(input, 1, channels, `${scope}/output/projection`)]);
}

function vertexOp(
  g: GraphBuilder,
  input: NodeId,
  op: Operation,
  width: number,
  scope: string,
): NodeId {
  switch (op) {
    case 'conv3x3-bn-relu':
      return g.convBnRelu(input, 3, width, scope);
    case 'conv1x1-bn-relu':
      return g.convBnRelu(input, 1, width, scope);
    case 'maxpool3x3':
      return g.maxPool(input, 3, 1);
    default:
      throw new RangeError(`operation '${op}' cannot be an interior vertex`);
  }
}
