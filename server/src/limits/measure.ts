import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ANALYSIS_COSTS, type FieldArguments } from './analysis-costs.ts';

/** Depth and estimated cost of an operation, and every field it asks for with its arguments. */
export interface QueryMeasure {
  depth: number;
  complexity: number;
  /** Each field with arguments, by schema coordinate (`Query.metrics`), as resolvers get them. */
  calls: FieldCall[];
}

/** One field of the operation with its coerced arguments. */
export interface FieldCall {
  coordinate: string;
  args: FieldArguments;
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
 * Measures an operation against `schema` with its coerced `variables` (defaults of omitted
 * variables already applied, as graphql-js's getVariableValues gives them): depth (fields
 * nested, introspection ignored) and complexity. Every object field costs 1, times the rows it
 * can return (`first` for connections, default `defaultFirst`; an estimate for the other
 * lists), plus, for an analysis, the work its arguments ask for (analysis-costs.ts).
 *
 * @example measureOperation(schema, operation, fragments, variables, 50).complexity // 1051
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  defaultFirst: number,
): QueryMeasure {
  const calls: FieldCall[] = [];
  const visiting = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined) => {
    let depth = 0;
    let complexity = 0;
    for (const selection of set.selections) {
      let child: { depth: number; complexity: number };
      if (selection.kind === Kind.FIELD) {
        // Introspection (GraphiQL, codegen) is schema-sized, not data-sized: not limited.
        if (selection.name.value.startsWith('__')) continue;
        const definition = fieldDefinition(parent, selection.name.value);
        const args = argumentsOf(definition, selection, variables);
        const coordinate = `${parent?.name}.${selection.name.value}`;
        if (Object.keys(args).length > 0) calls.push({ coordinate, args });
        const work = ANALYSIS_COSTS[coordinate]?.(args) ?? 0;
        if (selection.selectionSet === undefined) {
          child = { depth: 0, complexity: work };
        } else {
          const inner = walk(selection.selectionSet, definition && getNamedType(definition.type));
          const rows = rowsOf(selection.name.value, args, defaultFirst);
          child = {
            depth: inner.depth + 1,
            complexity: work + rows * (1 + inner.complexity),
          };
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value;
        child = walk(
          selection.selectionSet,
          on === undefined ? parent : (schema.getType(on) ?? undefined),
        );
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A fragment cycle is a validation error already; do not recurse forever on it.
        if (fragment === undefined || visiting.has(name)) continue;
        visiting.add(name);
        child = walk(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value) ?? undefined,
        );
        visiting.delete(name);
      }
      depth = Math.max(depth, child.depth);
      complexity += child.complexity;
    }
    return { depth, complexity };
  };
  const root = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  return { depth: root.depth, complexity: root.complexity, calls };
}

function fieldDefinition(
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (parent === undefined || !isCompositeType(parent) || !('getFields' in parent))
    return undefined;
  return parent.getFields()[name];
}

/**
 * The field's arguments as its resolver will get them; none when they do not coerce (execution
 * then refuses the operation before any resolver runs, with graphql-js's own message).
 */
function argumentsOf(
  definition: GraphQLField<unknown, unknown> | undefined,
  node: FieldNode,
  variables: Record<string, unknown>,
): FieldArguments {
  if (definition === undefined || definition.args.length === 0) return {};
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    return {};
  }
}

function rowsOf(field: string, args: FieldArguments, defaultFirst: number): number {
  if (PAGED_FIELDS.has(field)) {
    const first = args.first;
    return Math.max(1, typeof first === 'number' ? first : defaultFirst);
  }
  return LIST_ESTIMATES[field] ?? 1;
}
