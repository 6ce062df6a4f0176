import { errorMessage } from './api/errors.ts';

/** A promise's outcome as a value, so a figure can render its error state instead of throwing. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Awaits `promise` and captures a rejection's message.
 *
 * @example const result = await settle(loadExperiments()); if (!result.ok) return <ErrorState message={result.error} />;
 */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
