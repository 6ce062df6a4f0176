import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { ApiContext } from './context.ts';
import { maskInternalErrors } from './format-error.ts';
import { MAX_DOCUMENT_TOKENS } from './limits/document-size.ts';
import { queryLimitsPlugin } from './limits/plugin.ts';
import { resolvers } from './resolvers/index.ts';
import { typeDefs } from './type-defs.ts';

export { typeDefs };

/**
 * The Apollo server over `httpServer`: introspection on (notebooks and codegen use it), the
 * Sandbox landing page and stack traces in errors in development only, internal errors masked
 * (their detail to `log`), depth/complexity/alias limits, drained on stop.
 *
 * @example const apollo = createApollo(httpServer, { development: false, log: console.error });
 */
export function createApollo(
  httpServer: Server,
  options: { development: boolean; log: (line: string) => void },
): ApolloServer<ApiContext> {
  return new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: options.development,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    formatError: maskInternalErrors(options.log),
    plugins: [
      queryLimitsPlugin(),
      // No HTTP cache hints are sent; without this plugin Apollo wraps every field's resolver to
      // collect them (about a third of a 50-row listing's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
