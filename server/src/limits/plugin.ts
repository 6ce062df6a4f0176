import type { ApolloServerPlugin } from '@apollo/server';
import { searchSpaceOf } from '@nngp-nas/compute/predictors';
import type { SearchSpace } from '@nngp-nas/db';
import { type FragmentDefinitionNode, GraphQLError, getVariableValues, Kind } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../architectures/list.ts';
import { checkSizeClustersExist } from '../architectures/size-cluster-ids.ts';
import type { ApiContext } from '../context.ts';
import { queryTooComplex } from '../errors.ts';
import type { ArchitectureFilter } from '../generated/resolvers-types.ts';
import { sdlSchema } from '../sdl-schema.ts';
import { argumentOutOfBounds } from './argument-bounds.ts';
import { measureOperation } from './measure.ts';

/** Deepest selection accepted (the schema's natural queries nest about 6 levels). */
export const MAX_DEPTH = 10;
/**
 * Largest estimated cost: a 500-row listing with training, NNGP and proxies costs ~35,000, the
 * dashboard's largest analysis (metrics of 20 predictors) ~39,000.
 */
export const MAX_COMPLEXITY = 100_000;

/** A GraphQL error refused before execution: the whole request answers HTTP 400. */
function refused(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { status: 400 } },
  });
}

/**
 * Refuses, before any resolver runs (HTTP 400; documents too large to validate are refused
 * earlier, by `oversizedDocument` in the HTTP handler): operations deeper than `maxDepth` or costlier than `maxComplexity`
 * (QUERY_TOO_COMPLEX, naming the limit), argument values outside their bounds, and filters
 * naming size clusters that do not exist (BAD_USER_INPUT, naming the argument). Variables are
 * costed as execution will see them, an omitted one with its default. A plugin rather than a
 * validation rule because Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED.
 *
 * @example new ApolloServer({ typeDefs, resolvers, plugins: [queryLimitsPlugin()] })
 */
export function queryLimitsPlugin(
  maxDepth = MAX_DEPTH,
  maxComplexity = MAX_COMPLEXITY,
): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (operation === undefined) return;
          const schema = sdlSchema();
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
            { maxErrors: 1 },
          );
          // Variables that do not coerce make execution refuse the operation before any
          // resolver runs, with graphql-js's message naming the variable.
          if (coerced.errors !== undefined) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const measure = measureOperation(
            schema,
            operation,
            fragments,
            coerced.coerced,
            DEFAULT_PAGE_SIZE,
          );
          const { depth, complexity } = measure;
          if (depth > maxDepth) {
            throw queryTooComplex(`query depth ${depth} exceeds the limit of ${maxDepth}`, {
              depth,
              maxDepth,
            });
          }
          for (const call of measure.calls) {
            const problem = argumentOutOfBounds(call.coordinate, call.args);
            if (problem !== undefined) throw refused(problem);
          }
          if (complexity > maxComplexity) {
            throw queryTooComplex(
              `query complexity ${Math.ceil(complexity)} exceeds the limit of ${maxComplexity}`,
              { complexity: Math.ceil(complexity), maxComplexity },
            );
          }
          // Every filter's clusters at once: one query however many fields filter.
          // (Mutations check theirs after the token.)
          const clusterIds = new Map<SearchSpace, number[]>();
          for (const call of measure.calls) {
            if (call.coordinate.startsWith('Mutation.')) continue;
            const filter = call.args.filter as ArchitectureFilter | undefined;
            const space = searchSpaceOf(filter);
            clusterIds.set(space, [
              ...(clusterIds.get(space) ?? []),
              ...(filter?.sizeClusters ?? []),
            ]);
          }
          try {
            for (const [space, ids] of clusterIds)
              await checkSizeClustersExist(contextValue.db, ids, 'filter', 'sizeClusters', space);
          } catch (error) {
            throw error instanceof GraphQLError ? refused(error) : error;
          }
        },
      };
    },
  };
}
