import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { ApiContext } from './context.ts';
import { maskInternalErrors } from './format-error.ts';
import { queryLimitsPlugin } from './limits/plugin.ts';
import { resolvers } from './resolvers/index.ts';

/** The SDL, the schema's source of truth (resolver types are generated from the same file). */
export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/**
 * The Apollo server over `httpServer`: introspection on (notebooks and codegen use it), the
 * Sandbox landing page in development, depth/complexity limits, drained on stop.
 *
 * @example const apollo = createApollo(httpServer, { development: true });
 */
export function createApollo(
  httpServer: Server,
  options: { development: boolean },
): ApolloServer<ApiContext> {
  return new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    introspection: true,
    formatError: maskInternalErrors((line) => process.stderr.write(`${line}\n`)),
    plugins: [
      queryLimitsPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
