import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../architectures/list.ts';
import { queryTooComplex } from '../errors.ts';
import { measureOperation } from './measure.ts';

/** Deepest selection accepted (the schema's natural queries nest about 6 levels). */
export const MAX_DEPTH = 10;
/** Largest estimated cost: a 500-row listing with training, NNGP and proxies costs ~35,000. */
export const MAX_COMPLEXITY = 100_000;

/**
 * Refuses, before any resolver runs, operations deeper than `maxDepth` or costlier than
 * `maxComplexity` (QUERY_TOO_COMPLEX, HTTP 400). A plugin rather than a validation rule because
 * Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED.
 *
 * @example new ApolloServer({ typeDefs, resolvers, plugins: [queryLimitsPlugin()] })
 */
export function queryLimitsPlugin(
  maxDepth = MAX_DEPTH,
  maxComplexity = MAX_COMPLEXITY,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation === undefined) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const { depth, complexity } = measureOperation(
            operation,
            fragments,
            request.variables ?? {},
            DEFAULT_PAGE_SIZE,
          );
          if (depth > maxDepth) {
            throw queryTooComplex(`query depth ${depth} exceeds the limit of ${maxDepth}`, {
              depth,
              maxDepth,
            });
          }
          if (complexity > maxComplexity) {
            throw queryTooComplex(
              `query complexity ${complexity} exceeds the limit of ${maxComplexity}`,
              { complexity, maxComplexity },
            );
          }
        },
      };
    },
  };
}
