'use client';

import { useActionState } from 'react';
import { cancelAction } from '../../app/experiments/[id]/cancel-action.ts';

/**
 * Cancels the experiment (its queued jobs are removed; running ones finish) with the API token.
 *
 * @example <CancelForm experiment="1" />
 */
export function CancelForm(props: { experiment: string }) {
  const [state, action, pending] = useActionState(cancelAction, null);
  return (
    <section className="panel" aria-label="Cancel experiment">
      <h2>Cancel</h2>
      <p className="muted">
        Removes the queued evaluations; running ones finish. Queuing again resumes the experiment.
      </p>
      <form className="enqueue-form" data-testid="cancel-form" action={action}>
        <input type="hidden" name="experiment" value={props.experiment} />
        <label>
          API token
          <input name="token" type="password" autoComplete="off" />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? 'Cancelling…' : 'Cancel experiment'}
        </button>
      </form>
      {state ? (
        <p
          className={`enqueue-result state ${state.ok ? 'state-empty' : 'state-error'}`}
          data-testid="cancel-result"
          role={state.ok ? 'status' : 'alert'}
        >
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
