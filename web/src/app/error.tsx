'use client';

/**
 * Shown when rendering a page failed unexpectedly (figures handle API errors themselves).
 *
 * @example (rendered by Next for a thrown error)
 */
export default function PageError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="state state-error" data-error role="alert">
        {props.error.message || 'The page could not be rendered.'} Check that the API is running
        (NNGP_API_URL), then{' '}
        <button type="button" onClick={props.reset}>
          try again
        </button>
      </p>
    </>
  );
}
