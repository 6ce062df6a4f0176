import type { ProxyScoreResolvers } from '../generated/resolvers-types.ts';

/** A proxy score row: the CSV column it came from is its name. */
export const ProxyScore: ProxyScoreResolvers = {
  name: (row) => row.proxy,
};
