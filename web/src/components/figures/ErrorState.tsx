import type { ReactNode } from 'react';

/**
 * Shown when a chart's data could not be fetched: the API's message, and what to try.
 *
 * @example <ErrorState message={result.error} />
 */
export function ErrorState(props: { message: string; hint?: ReactNode }) {
  return (
    <p className="state state-error" data-error role="alert">
      Could not load this: {props.message}
      {props.hint ? <> — {props.hint}</> : null}
    </p>
  );
}
