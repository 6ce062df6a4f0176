import {
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Depth and estimated cost of an operation. */
export interface QueryMeasure {
  depth: number;
  complexity: number;
}

/** Fields that page with `first`: their children count once per requested row. */
const PAGED_FIELDS = new Set(['architectures']);
/** Assumed lengths of the unpaged list fields (a few epoch budgets x repeats, configs, proxies). */
const LIST_ESTIMATES: Record<string, number> = {
  training: 12,
  trainingMeans: 4,
  nngp: 20,
  proxies: 10,
  sizeClusters: 10,
  experiments: 10,
};

/**
 * Depth (fields nested, introspection ignored) and complexity of an operation: every object
 * field costs 1, times the rows it can return (`first` for connections, default `defaultFirst`;
 * an estimate for the other lists), so a 500-row listing with nested lists costs ~500x its node.
 *
 * @example measureOperation(operation, fragments, variables, 50) // { depth: 5, complexity: 1051 }
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  defaultFirst: number,
): QueryMeasure {
  const visiting = new Set<string>();
  const walk = (set: SelectionSetNode): QueryMeasure => {
    let depth = 0;
    let complexity = 0;
    for (const selection of set.selections) {
      let child: QueryMeasure;
      if (selection.kind === Kind.FIELD) {
        // Introspection (GraphiQL, codegen) is schema-sized, not data-sized: not limited.
        if (selection.name.value.startsWith('__') || selection.selectionSet === undefined) continue;
        const inner = walk(selection.selectionSet);
        const rows = rowsOf(
          selection.name.value,
          selection.arguments ?? [],
          variables,
          defaultFirst,
        );
        child = { depth: inner.depth + 1, complexity: rows * (1 + inner.complexity) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        child = walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A fragment cycle is a validation error already; do not recurse forever on it.
        if (fragment === undefined || visiting.has(name)) continue;
        visiting.add(name);
        child = walk(fragment.selectionSet);
        visiting.delete(name);
      }
      depth = Math.max(depth, child.depth);
      complexity += child.complexity;
    }
    return { depth, complexity };
  };
  return walk(operation.selectionSet);
}

function rowsOf(
  field: string,
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
  defaultFirst: number,
): number {
  if (PAGED_FIELDS.has(field)) {
    const first = args.find((a) => a.name.value === 'first');
    const value = first === undefined ? undefined : intValue(first.value, variables);
    return Math.max(1, value ?? defaultFirst);
  }
  return LIST_ESTIMATES[field] ?? 1;
}

function intValue(node: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}
