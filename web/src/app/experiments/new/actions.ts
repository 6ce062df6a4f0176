'use server';

import { redirect } from 'next/navigation';
import { createExperiment, enqueueSelection, errorMessage } from '../../../lib/api/index.ts';
import { parseExperimentForm, selectionFilter } from '../../../lib/experiment-form.ts';
import { parseFilter } from '../../../lib/filters/index.ts';

/** What the new-experiment form shows after a refused or failed submit. */
export interface CreateExperimentState {
  message: string;
  /** Fields the message is about (highlighted). */
  fields: string[];
  /** Set when the experiment was created but queuing failed: the user can go on from there. */
  experiment: string | null;
}

/**
 * Server action of the new-experiment form: validates the fields, creates the experiment with
 * the token as a bearer token, queues the first `limit` architectures of the URL filter's
 * selection, then redirects to the experiment's page. The API's refusals (UNAUTHENTICATED,
 * a taken name: BAD_USER_INPUT) come back as the message.
 *
 * @example const [state, action] = useActionState(createExperimentAction, null);
 */
export async function createExperimentAction(
  _previous: CreateExperimentState | null,
  form: FormData,
): Promise<CreateExperimentState> {
  const parsed = parseExperimentForm((name) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : null;
  });
  if (!parsed.ok) {
    return {
      message: parsed.problems.map((problem) => problem.message).join('; '),
      fields: parsed.problems.map((problem) => problem.field),
      experiment: null,
    };
  }
  const { filter, problems } = parseFilter(new URLSearchParams(String(form.get('filter') ?? '')));
  if (problems.length > 0) {
    return { message: problems.map((p) => p.message).join('; '), fields: [], experiment: null };
  }
  const tokenText = String(form.get('token') ?? '').trim();
  // An empty token is sent as none: the API's own refusal says what is needed.
  const token = tokenText === '' ? undefined : tokenText;
  const { limit, groundTruthOnly, ...settings } = parsed.values;
  let id: string;
  try {
    id = (await createExperiment(token, settings)).id;
  } catch (error) {
    return { message: errorMessage(error), fields: [], experiment: null };
  }
  try {
    await enqueueSelection(token, id, selectionFilter(filter, groundTruthOnly), limit);
  } catch (error) {
    return {
      message: `Experiment ${id} was created, but queuing failed: ${errorMessage(error)}`,
      fields: [],
      experiment: id,
    };
  }
  redirect(`/experiments/${id}`);
}
