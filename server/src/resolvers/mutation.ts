import { requireAuthorised } from '../auth/require-authorised.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { cancelExperiment } from '../mutations/cancel-experiment.ts';
import { createExperiment } from '../mutations/create-experiment.ts';
import { enqueueEvaluations } from '../mutations/enqueue-evaluations.ts';

/** Changes; each checks the request's token before reading its input. */
export const Mutation: MutationResolvers = {
  createExperiment(_, { input }, { auth, database }) {
    requireAuthorised(auth);
    return createExperiment(database, input);
  },

  enqueueEvaluations(_, args, { auth, database }) {
    requireAuthorised(auth);
    return enqueueEvaluations(database, args);
  },

  cancelExperiment(_, { id }, { auth, database }) {
    requireAuthorised(auth);
    return cancelExperiment(database, id);
  },
};
