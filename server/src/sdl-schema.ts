import { buildSchema, type GraphQLSchema } from 'graphql';
import { typeDefs } from './type-defs.ts';

let schema: GraphQLSchema | undefined;

/**
 * The SDL's schema built by this package's own `graphql` (types only, no resolvers), for the
 * code that coerces and walks inputs outside execution (limits, the CSV export's parameters).
 * Apollo's schema object may come from another copy of the module (ESM beside CommonJS under a
 * test runner), whose types graphql-js refuses to mix with this copy's functions.
 *
 * @example coerceInputValue(value, sdlSchema().getType('ArchitectureFilter'))
 */
export function sdlSchema(): GraphQLSchema {
  schema ??= buildSchema(typeDefs);
  return schema;
}
