import type { ExperimentFormValues } from '../experiment-form.ts';
import { requestGraphql } from './client.ts';
import { CANCEL_EXPERIMENT, CREATE_EXPERIMENT, ENQUEUE_EVALUATIONS } from './documents.ts';
import type { ArchitectureFilterInput, EnqueueResult } from './types.ts';

/** The user's bearer token; undefined sends none (the API then says what is needed). */
type Token = string | undefined;

function auth(token: Token): { token?: string } {
  return token === undefined ? {} : { token };
}

/**
 * Creates an experiment with the form's settings (the `createExperiment` mutation).
 *
 * @example const { id } = await createExperiment(token, values);
 */
export async function createExperiment(
  token: Token,
  values: Omit<ExperimentFormValues, 'limit' | 'groundTruthOnly'>,
): Promise<{ id: string; name: string }> {
  const data = await requestGraphql(
    CREATE_EXPERIMENT,
    {
      input: {
        name: values.name,
        nTrain: values.nTrain,
        nVal: values.nVal,
        ensemble: values.ensemble,
        engine: values.engine,
        stemChannels: values.stemChannels,
        stacks: values.stacks,
        modulesPerStack: values.modulesPerStack,
        configs: values.configs,
      },
    },
    auth(token),
  );
  return data.createExperiment;
}

/**
 * Queues up to `limit` architectures matching a GraphQL filter as given (unlike
 * `enqueueEvaluations`, an experiment in it is kept: it selects that experiment's architectures).
 *
 * @example await enqueueSelection(token, '7', { hasGroundTruth: true }, 100)
 */
export async function enqueueSelection(
  token: Token,
  experiment: string,
  filter: ArchitectureFilterInput,
  limit: number,
): Promise<EnqueueResult> {
  const data = await requestGraphql(
    ENQUEUE_EVALUATIONS,
    { experiment, filter, limit },
    auth(token),
  );
  return data.enqueueEvaluations;
}

/**
 * Cancels an experiment (the `cancelExperiment` mutation): its waiting jobs are removed.
 *
 * @example const { removedJobs } = await cancelExperiment(token, '7');
 */
export async function cancelExperiment(token: Token, id: string): Promise<{ removedJobs: number }> {
  return (await requestGraphql(CANCEL_EXPERIMENT, { id }, auth(token))).cancelExperiment;
}
