import { inputsOf, type NetworkGraph, type NodeId } from '../graph.ts';

/** A conv (or depthwise conv) → batch norm chain that runs as one fused conv in inference. */
export interface FusedChain {
  batchnorm: NodeId;
  /** The ReLU after the batch norm, when it is the batch norm's only consumer. */
  relu?: NodeId;
}

/** How the engine runs a graph: when each value can be freed, which conv-BN(-ReLU) chains fuse. */
export interface ExecutionPlan {
  /** The last node that reads each node's value (its own id when nothing does). */
  lastUse: NodeId[];
  /**
   * conv or depthwise conv id → its batch norm (the conv's only consumer) and the ReLU that is the
   * batch norm's only consumer, if any (MobileNet's linear projections have none).
   */
  fusable: Map<NodeId, FusedChain>;
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

/** The last node of a fused chain: the node whose value the chain produces. */
export function chainEnd(chain: FusedChain): NodeId {
  return chain.relu ?? chain.batchnorm;
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
  const only = (id: NodeId, kind: string): NodeId | undefined => {
    const next = consumers[id];
    const first = next?.[0];
    return next?.length === 1 && first !== undefined && graph.nodes[first]?.kind === kind
      ? first
      : undefined;
  };
  const fusable = new Map<NodeId, FusedChain>();
  for (const node of graph.nodes) {
    if (node.kind !== 'conv' && node.kind !== 'depthwise') continue;
    const batchnorm = only(node.id, 'batchnorm');
    if (batchnorm === undefined) continue;
    const relu = only(batchnorm, 'relu');
    fusable.set(node.id, relu === undefined ? { batchnorm } : { batchnorm, relu });
  }
  return { lastUse, fusable };
}
