/**
 * Networks described once, engine-neutral, and the engines that run them.
 *
 * @example
 * const graph = nasbenchNetwork(spec.matrix, spec.ops);
 * trainableParameterCount(graph); // equals spec.trainableParameters() with a head
 */
export {
  forwardMacs,
  type GraphNode,
  type GraphOp,
  inputsOf,
  type NetworkGraph,
  type NodeId,
  type ParameterSpec,
  trainableParameterCount,
} from './graph.ts';
export { BN_EPSILON, BN_MOMENTUM, GraphBuilder } from './graph-builder.ts';
export { architectureNetwork, nasbenchNetwork } from './nasbench-network.ts';
