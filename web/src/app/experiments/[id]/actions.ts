'use server';

import { enqueueEvaluations, errorMessage } from '../../../lib/api/index.ts';
import { parseFilter } from '../../../lib/filters/index.ts';

/** What the enqueue form shows after submitting. */
export interface EnqueueState {
  ok: boolean;
  message: string;
}

const MAX_COUNT = 50_000;

/**
 * Server action of the enqueue form: validates `count`, then calls `enqueueEvaluations` with
 * the token (if any) as a bearer token and the page's URL filter; the API's errors (UNAUTHENTICATED, …)
 * come back as the message.
 *
 * @example const [state, action] = useActionState(enqueueAction, null);
 */
export async function enqueueAction(
  _previous: EnqueueState | null,
  form: FormData,
): Promise<EnqueueState> {
  const experiment = String(form.get('experiment') ?? '');
  const token = String(form.get('token') ?? '').trim();
  const countText = String(form.get('count') ?? '').trim();
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    return {
      ok: false,
      message: `count must be a whole number from 1 to ${MAX_COUNT}, got ${JSON.stringify(countText)}`,
    };
  }
  const { filter, problems } = parseFilter(new URLSearchParams(String(form.get('filter') ?? '')));
  if (problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join('; ') };
  try {
    // An empty token is sent as none: the API's own refusal says what is needed.
    const result = await enqueueEvaluations({
      token: token === '' ? undefined : token,
      experiment,
      filter,
      limit: count,
    });
    return {
      ok: true,
      message: `Queued ${result.enqueued} evaluations (${result.alreadyDone} already done, ${result.alreadyQueued} already queued).`,
    };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}
