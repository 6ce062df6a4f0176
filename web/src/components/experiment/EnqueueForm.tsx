'use client';

import { useActionState } from 'react';
import { enqueueAction } from '../../app/experiments/[id]/actions.ts';

/**
 * Queues more architectures in the experiment: the API token (never stored) and how many of
 * the architectures matching the page's filter to add.
 *
 * @example <EnqueueForm experiment="1" filterQuery="residual=0-2" filterText="residual connections 0–2" />
 */
export function EnqueueForm(props: {
  experiment: string;
  filterQuery: string;
  filterText: string;
}) {
  const [state, action, pending] = useActionState(enqueueAction, null);
  return (
    <section className="panel" aria-label="Enqueue evaluations">
      <h2>Evaluate more architectures</h2>
      <p className="muted">
        Queues NNGP evaluations of architectures matching the filter ({props.filterText}) that this
        experiment has not evaluated yet. Needs the API token (<code>NNGP_API_TOKEN</code>).
      </p>
      <form className="enqueue-form" data-testid="enqueue-form" action={action}>
        <input type="hidden" name="experiment" value={props.experiment} />
        <input type="hidden" name="filter" value={props.filterQuery} />
        <label>
          API token
          <input name="token" type="password" autoComplete="off" />
        </label>
        <label>
          How many
          <input name="count" type="number" min={1} max={50000} defaultValue={100} required />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? 'Queuing…' : 'Enqueue'}
        </button>
      </form>
      {state ? (
        <p
          className={`enqueue-result state ${state.ok ? 'state-empty' : 'state-error'}`}
          data-testid="enqueue-result"
          role={state.ok ? 'status' : 'alert'}
        >
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
