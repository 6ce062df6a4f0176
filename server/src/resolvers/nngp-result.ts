import { GraphQLError } from 'graphql';
import type { NngpResultResolvers } from '../generated/resolvers-types.ts';

/** An NNGP result row; its experiment comes through the loader (few ids, many results). */
export const NngpResult: NngpResultResolvers = {
  async experiment(row, _, { loaders }) {
    const experiment = await loaders.experiments.load(row.experimentId);
    // The foreign key cascades, so a result without its experiment is a broken database.
    if (experiment === null) throw new GraphQLError(`experiment ${row.experimentId} is missing`);
    return experiment;
  },
  kind: (row) => (row.kind === 'ntk' ? 'NTK' : 'NNGP'),
};
