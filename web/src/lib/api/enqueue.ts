import type { DashboardFilter } from '../filters/index.ts';
import { toArchitectureFilter } from '../filters/index.ts';
import { requestGraphql } from './client.ts';
import { ENQUEUE_EVALUATIONS } from './documents.ts';
import type { EnqueueResult } from './types.ts';

/**
 * Queues NNGP evaluations of up to `limit` architectures matching the filter in an experiment
 * (the `enqueueEvaluations` mutation, with the user's bearer token).
 *
 * @example await enqueueEvaluations({ token, experiment: '1', filter, limit: 100 })
 */
export async function enqueueEvaluations(options: {
  /** The API's bearer token; undefined sends no Authorization header. */
  token: string | undefined;
  experiment: string;
  filter: DashboardFilter;
  limit: number;
}): Promise<EnqueueResult> {
  // The experiment's own architectures are the ones already evaluated; the filter picks new ones.
  const filter = toArchitectureFilter({ ...options.filter, experiment: null });
  const data = await requestGraphql(
    ENQUEUE_EVALUATIONS,
    { experiment: options.experiment, filter, limit: options.limit },
    options.token === undefined ? {} : { token: options.token },
  );
  return data.enqueueEvaluations;
}
