import type { GraphNode, NetworkGraph, NodeId } from '../graph.ts';

/** How the engine runs a graph: when each value can be freed, and which conv-BN-ReLU chains fuse. */
export interface ExecutionPlan {
  /** The last node that reads each node's value (its own id when nothing does). */
  lastUse: NodeId[];
  /** conv id → its batch norm and ReLU, when each is the other's only consumer. */
  fusable: Map<NodeId, { batchnorm: NodeId; relu: NodeId }>;
}

const plans = new WeakMap<NetworkGraph, ExecutionPlan>();

/**
 * The (cached) execution plan of `graph`.
 *
 * @example executionPlan(graph).lastUse[id]
 */
export function executionPlan(graph: NetworkGraph): ExecutionPlan {
  let plan = plans.get(graph);
  if (plan === undefined) {
    plan = buildPlan(graph);
    plans.set(graph, plan);
  }
  return plan;
}

function inputsOf(node: GraphNode): NodeId[] {
  switch (node.kind) {
    case 'input':
      return [];
    case 'sum':
    case 'concat':
      return node.inputs;
    default:
      return [node.input];
  }
}

function buildPlan(graph: NetworkGraph): ExecutionPlan {
  const lastUse = graph.nodes.map((n) => n.id);
  const consumers = graph.nodes.map(() => [] as NodeId[]);
  for (const node of graph.nodes) {
    for (const input of inputsOf(node)) {
      lastUse[input] = Math.max(lastUse[input] as number, node.id);
      consumers[input]?.push(node.id);
    }
  }
  const fusable = new Map<NodeId, { batchnorm: NodeId; relu: NodeId }>();
  for (const node of graph.nodes) {
    if (node.kind !== 'conv') continue;
    const [bn] = consumers[node.id] ?? [];
    if (
      bn === undefined ||
      consumers[node.id]?.length !== 1 ||
      graph.nodes[bn]?.kind !== 'batchnorm'
    )
      continue;
    const [relu] = consumers[bn] ?? [];
    if (relu === undefined || consumers[bn]?.length !== 1 || graph.nodes[relu]?.kind !== 'relu')
      continue;
    fusable.set(node.id, { batchnorm: bn, relu });
  }
  return { lastUse, fusable };
}
