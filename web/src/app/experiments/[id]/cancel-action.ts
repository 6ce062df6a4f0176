'use server';

import { revalidatePath } from 'next/cache';
import { cancelExperiment, errorMessage } from '../../../lib/api/index.ts';

/** What the cancel form shows after submitting. */
export interface CancelState {
  ok: boolean;
  message: string;
}

/**
 * Server action of the cancel form: `cancelExperiment` with the token (if any) as a bearer
 * token, then re-renders the experiment's page; the API's refusal comes back as the message.
 *
 * @example const [state, action] = useActionState(cancelAction, null);
 */
export async function cancelAction(
  _previous: CancelState | null,
  form: FormData,
): Promise<CancelState> {
  const experiment = String(form.get('experiment') ?? '');
  const token = String(form.get('token') ?? '').trim();
  try {
    const { removedJobs } = await cancelExperiment(token === '' ? undefined : token, experiment);
    // The page re-renders with the cancelled state (live progress restarts from it).
    revalidatePath(`/experiments/${experiment}`);
    return { ok: true, message: `Cancelled: ${removedJobs} queued jobs removed.` };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}
