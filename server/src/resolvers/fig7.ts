import { GraphQLError } from 'graphql';
import type { Fig7Resolvers } from '../generated/resolvers-types.ts';

/** Paper Fig. 7; its experiment comes through the loader. */
export const Fig7: Fig7Resolvers = {
  async experiment(fig7, _, { loaders }) {
    const experiment = await loaders.experiments.load(fig7.experimentId);
    // loadFig7 read the experiment a moment ago: gone now, it was deleted in between.
    if (experiment === null) throw new GraphQLError(`experiment ${fig7.experimentId} is missing`);
    return experiment;
  },
};
